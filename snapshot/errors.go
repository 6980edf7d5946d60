package snapshot

import (
	"errors"
	"fmt"
)

// UnsupportedError reports a repository that uses something neither go-git
// nor pqcert's own readers can handle, when no git binary is available to
// fall back on. Callers exit 2 and print it: the feature is named so the
// user knows what to change, and pqcert never guesses.
type UnsupportedError struct {
	Feature string // "split index", "SHA-256 object format", ...
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("repository uses %s, which pqcert cannot read without the git binary on PATH", e.Feature)
}

// errCorrupt marks an object that a ref or tree names but the repository
// does not hold (or holds as the wrong type).
var errCorrupt = errors.New("the repository looks corrupt (`git fsck` tells more)")

// missingCommit is the error for a commit id that a ref names but the
// object database does not hold as a commit.
func missingCommit(id string) error {
	return fmt.Errorf("commit %s is missing or not a commit: %w", id, errCorrupt)
}
