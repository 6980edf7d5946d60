package hooks

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

// mode says what a check command reads.
type mode struct {
	fromRef, toRef string
	all            bool
	paths          []string
}

// input is what the runner will check: the snapshots, the change between
// them and the connectors it touches.
type input struct {
	root string // repository root, "" outside a repository
	// skipped are folders with several section documents that the change
	// touches: not connectors by definition, so not checked, but said.
	skipped map[string][]string
	before  snapshot.Snapshot
	after   snapshot.Snapshot
	changes []snapshot.Change
	touched []connector.Touched
	// ambiguous are the folders with several section documents, after the
	// change, among those holding a changed path or above one.
	ambiguous map[string][]string
	// whole is set when there is no change to compare with, only a history
	// to check whole (the first push of a branch).
	whole bool
	// staged is set when after is the index (no refs given), worktree
	// when useWorktree replaced it with the files on disk.
	staged, worktree bool
	repo             *snapshot.Repo
}

// readInput computes the change in repo (opened by the caller, with the
// error OpenRepo gave): staged by default, or between two refs.
func readInput(m mode, repo *snapshot.Repo, err error) (*input, error) {
	if err != nil {
		var ue *snapshot.UnsupportedError
		if errors.As(err, &ue) {
			return nil, err
		}
		return nil, fmt.Errorf("%v; to check connectors outside a repository, pass their folders, files or .mez packages", err)
	}
	in := &input{root: repo.Root(), repo: repo}
	switch {
	case m.fromRef == "" && m.toRef == "" && os.Getenv("PRE_COMMIT_REMOTE_NAME") != "":
		// pre-commit at pre-push, for a push whose history has no commit in
		// common with the remote: it gives no refs, so the pushed branch
		// is checked whole, every connector as new.
		ref := os.Getenv("PRE_COMMIT_LOCAL_BRANCH")
		if ref == "" {
			ref = "HEAD"
		}
		if in.after, err = repo.Commit(ref); err != nil {
			return nil, err
		}
		in.before, in.whole = in.after, true
	case m.fromRef != "" || m.toRef != "":
		from, to := m.fromRef, m.toRef
		if from == "" || to == "" {
			return nil, usagef("--from-ref and --to-ref go together (got from %q, to %q)", from, to)
		}
		if in.before, err = repo.Commit(from); err != nil {
			return nil, err
		}
		if in.after, err = repo.Commit(to); err != nil {
			return nil, err
		}
		if in.changes, err = snapshot.Diff(in.before, in.after); err != nil {
			return nil, err
		}
	default:
		if in.after, err = repo.Index(); err != nil {
			return nil, err
		}
		if in.before, err = repo.Commit("HEAD"); err != nil {
			return nil, err
		}
		if in.changes, err = repo.Staged(); err != nil {
			return nil, err
		}
		in.staged = true
	}
	if err := in.analyze(); err != nil {
		return nil, err
	}
	return in, nil
}

// analyze finds the connectors the change touches. Only the folders around
// the change are read. An ambiguous folder is not fatal here: targets
// reports it, and the connectors that could be decided are still touched.
func (in *input) analyze() error {
	im, err := connector.Analyze(in.changes, in.before, in.after)
	if err != nil {
		return err
	}
	in.touched, in.ambiguous = im.Touched, im.AmbiguousAfter
	return nil
}

// unmerged refuses a staged change with unmerged paths (a merge, rebase or
// cherry-pick stopped on conflicts): the index holds no one version of
// them to check, and checking the rest would pass a commit git will not
// make yet.
func (in *input) unmerged() error {
	if !in.staged {
		return nil
	}
	var paths []string
	for _, c := range in.changes {
		if c.Status == "U" {
			paths = append(paths, c.Path)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	return fmt.Errorf("unmerged paths: %s; resolve them first (git add the resolved files)", nameSome(paths, maxNotes))
}

// useWorktree makes the input the change from HEAD to the working tree,
// for --fix after a blocked `git commit -a`: git dropped the temporary
// index it handed the hook, so nothing is staged and the change is only on
// disk. Files on disk are compared with HEAD as snapshot.Diff compares
// them, without git's clean filters; a file that differs only in line
// endings (core.autocrlf) is not counted as changed, so that a checkout
// with CRLF on disk does not ask for a raise in every connector.
func (in *input) useWorktree() error {
	wt, err := in.repo.Worktree()
	if err != nil {
		return err
	}
	changes, err := snapshot.Diff(in.before, wt)
	if err != nil {
		return err
	}
	if changes, err = dropLineEndingOnly(changes, in.before, wt); err != nil {
		return err
	}
	in.after, in.changes, in.staged, in.worktree = wt, changes, false, true
	return in.analyze()
}

// dropLineEndingOnly removes the modified files whose two sides differ,
// but not once CRLF is read as LF.
func dropLineEndingOnly(changes []snapshot.Change, before, after snapshot.Snapshot) ([]snapshot.Change, error) {
	out := changes[:0]
	for _, c := range changes {
		if c.Status == "M" {
			b, err := before.ReadFile(c.Path)
			if err != nil {
				return nil, err
			}
			a, err := after.ReadFile(c.Path)
			if err != nil {
				return nil, err
			}
			if !bytes.Equal(b, a) && bytes.Equal(lf(b), lf(a)) {
				continue
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func lf(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }
