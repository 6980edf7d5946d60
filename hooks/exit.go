package hooks

import (
	"errors"
	"fmt"
)

// Exit codes: few, each with one meaning.
const (
	ExitClean    = 0 // nothing that fails the run
	ExitFindings = 1 // findings that fail the run (or --fix changed a file)
	ExitFailure  = 2 // the tool could not do its job: bad flag, unreadable repository, corrupt input
)

// errFindings is returned by a command that ran and found problems; it is
// not a failure of the tool, and prints nothing more.
var errFindings = errors.New("findings")

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// exitCode maps what a command returned to the process exit status.
func exitCode(err error) int {
	switch {
	case err == nil:
		return ExitClean
	case errors.Is(err, errFindings):
		return ExitFindings
	}
	return ExitFailure
}
