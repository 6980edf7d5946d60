package hooks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// Streams are the process's standard streams, passed in so that tests run
// commands in-process.
type Streams struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// Main runs the named command with args (args[0] is the program name) and
// returns the exit code. It is all a cmd/*/main.go calls.
func Main(name string, args []string, s Streams) int {
	// A json or sarif run that fails having written nothing still writes
	// a document (failure_output.go).
	out := &countingWriter{w: s.Stdout}
	s.Stdout = out
	app, err := NewApp(name, s)
	if err != nil {
		fmt.Fprintf(s.Stderr, "%s: %v\n", name, err)
		return ExitFailure
	}
	args = reorderArgs(app, args)
	err = app.RunContext(context.Background(), args)
	if err != nil && !errors.Is(err, errFindings) {
		msg := err.Error()
		if !strings.HasPrefix(msg, name+":") {
			msg = name + ": " + msg
		}
		fmt.Fprintln(s.Stderr, msg)
		var ue *usageError
		if errors.As(err, &ue) || isFlagError(err) {
			fmt.Fprintf(s.Stderr, "Run '%s --help' for usage.\n", name)
		}
		if format, spec := failureFormat(name, args); format != "" && out.n == 0 {
			if werr := writeFailure(out, format, spec, msg); werr != nil {
				fmt.Fprintf(s.Stderr, "%s: writing the %s failure document: %v\n", name, format, werr)
			}
		}
	}
	return exitCode(err)
}

// isFlagError recognises the flag package's errors, which urfave/cli
// returns unwrapped.
func isFlagError(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "flag provided but not defined") ||
		strings.HasPrefix(msg, "invalid value") ||
		strings.Contains(msg, "flag needs an argument") ||
		strings.HasPrefix(msg, "Required flag")
}

// NewApp builds the urfave/cli application for a command name.
func NewApp(name string, s Streams) (*cli.App, error) {
	var app *cli.App
	switch name {
	case "pqcert":
		app = pqcertApp(s)
	case "scaffold-connector":
		app = commandApp(name, scaffoldCommand(s))
	case "package-connector":
		app = commandApp(name, packageCommand(s))
	default:
		spec, ok := commandSpecs[name]
		if !ok {
			return nil, fmt.Errorf("unknown command %q", name)
		}
		app = checkApp(spec, s)
	}
	app.Reader, app.Writer, app.ErrWriter = s.Stdin, s.Stdout, s.Stderr
	// urfave/cli v2 would call os.Exit itself; errors come back to Main.
	app.ExitErrHandler = func(*cli.Context, error) {}
	// A usage mistake gets one line and a pointer to --help (from Main),
	// not the whole help text.
	app.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return err }
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	app.HideHelpCommand = true
	app.Version = Version()
	return app, nil
}
