package hooks

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pqcert/pqcert/checks"
)

// printWorktreeNote says that --fix, finding nothing staged, read the
// working tree instead.
func printWorktreeNote(w io.Writer, name string, fixed, changed bool) {
	switch {
	case !changed:
		fmt.Fprintf(w, "%s: nothing staged, and the working tree changes no connector: nothing to raise\n", name)
	case fixed:
		fmt.Fprintf(w, "%s: nothing staged: raised the version in the working tree for the changes there; git add them\n", name)
	default:
		fmt.Fprintf(w, "%s: nothing staged: the changes in the working tree need no version raise; git add them\n", name)
	}
}

// fixVersions raises the version of every connector that PQ005 reported,
// in the working tree, and says so; the user stages the result. Where the
// working tree already holds another version than the one checked (a raise
// not staged yet), it only says to stage it.
func fixVersions(diags []checks.Diagnostic, targets []checks.Target, root string, w io.Writer) (bool, error) {
	fixed := false
	for _, d := range diags {
		if d.Rule != "PQ005" {
			continue
		}
		checked := ""
		for _, t := range targets {
			if t.After != nil && t.After.Main != nil && t.After.Main.Path == d.File {
				checked = t.After.Version()
			}
		}
		from, to, err := bumpFile(root, d.File, checked)
		switch {
		case err != nil:
			return fixed, fmt.Errorf("--fix: %s: %v", d.File, err)
		case to == "":
			fmt.Fprintf(w, "%s: the working tree already has version %s (the commit has %s): stage it: git add %s\n", d.File, from, checked, d.File)
		default:
			fmt.Fprintf(w, "%s: raised version %s → %s in the working tree; stage it: git add %s\n", d.File, from, to, d.File)
		}
		fixed = true
	}
	return fixed, nil
}

// bumpFile raises the patch version in the working-tree copy of a
// repository file, writing it atomically so that an interrupted fix never
// leaves half a file. When the working tree's version is not checked (the
// version that was checked), the user already raised it there: nothing is
// written and to is "".
func bumpFile(root, rel, checked string) (from, to string, err error) {
	p := filepath.Join(root, filepath.FromSlash(rel))
	st, err := os.Stat(p)
	if err != nil {
		return "", "", err
	}
	src, err := os.ReadFile(p)
	if err != nil {
		return "", "", err
	}
	out, from, to, err := checks.BumpVersion(src)
	if err != nil {
		return "", "", err
	}
	if checked != "" && from != checked {
		return from, "", nil
	}
	return from, to, writeAtomic(p, out, st.Mode().Perm())
}

// writeAtomic writes data to a temporary file beside p and renames it over p.
func writeAtomic(p string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".pqcert-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}
