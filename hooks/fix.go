package hooks

import (
	"os"
	"path/filepath"

	"github.com/pqcert/pqcert/checks"
)

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
