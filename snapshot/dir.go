package snapshot

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// dirSnapshot is a folder on disk. Symlinks are never followed: like git, a
// symlink is a file whose content is its target, so a link pointing out of
// the tree cannot make pqcert read (or a check report on) foreign files.
//
// Every operation opens the folder as an *os.Root, which confines it to
// root even through a racing rename, and closes it when done: a snapshot
// holds no descriptor, so it needs no Close however many a caller opens
// (one openat per operation is noise next to the reads).
type dirSnapshot struct {
	root string
	list listing
}

// OpenDir opens the folder root as a snapshot. .git folders and files are
// skipped at every level.
func OpenDir(root string) (Snapshot, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	d := &dirSnapshot{root: abs}
	r, err := d.open()
	if err != nil {
		return nil, err
	}
	r.Close()
	d.list.load = d.walk
	return d, nil
}

// open opens the folder for one operation; the caller closes it.
func (d *dirSnapshot) open() (*os.Root, error) { return os.OpenRoot(d.root) }

func (d *dirSnapshot) Name() string { return d.root }

func (d *dirSnapshot) Files() ([]Entry, error) { return d.list.files() }

func (d *dirSnapshot) Stat(path string) (Entry, bool) { return d.list.stat(path) }

func (d *dirSnapshot) walk() ([]Entry, error) { return d.walkFrom(".") }

// walkFrom lists the files under root ("." for all), as Files does.
func (d *dirSnapshot) walkFrom(root string) ([]Entry, error) {
	fsys, err := d.open()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	var out []Entry
	err = fs.WalkDir(fsys.FS(), root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.Name() == ".git" {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			return nil
		}
		info, err := de.Info()
		if err != nil {
			return err
		}
		if e, ok := entryFromInfo(p, info); ok {
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", d.root, err)
	}
	return out, nil
}

// realDir reports whether dir ("" the root) is a folder that Files walks
// into: a valid path, no ".git" on the way, no symlink on the way.
func (d *dirSnapshot) realDir(fsys *os.Root, dir string) (bool, error) {
	if dir == "" {
		return true, nil
	}
	if !fs.ValidPath(dir) || inGitDir(dir) {
		return false, nil
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		info, err := fsys.Lstat(strings.Join(parts[:i+1], "/"))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
				return false, nil
			}
			return false, err
		}
		if !info.IsDir() {
			return false, nil
		}
	}
	return true, nil
}

// Dir reads one folder instead of walking the tree.
func (d *dirSnapshot) Dir(dir string) ([]Entry, error) {
	fsys, err := d.open()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	if ok, err := d.realDir(fsys, dir); !ok || err != nil {
		return nil, err
	}
	name := dir
	if name == "" {
		name = "."
	}
	des, err := fs.ReadDir(fsys.FS(), name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", d.root, err)
	}
	var out []Entry
	for _, de := range des {
		if de.IsDir() || de.Name() == ".git" {
			continue
		}
		info, err := de.Info()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", d.root, err)
		}
		if e, ok := entryFromInfo(dirPrefix(dir)+de.Name(), info); ok {
			out = append(out, e)
		}
	}
	sortEntries(out)
	return out, nil
}

// Subtree walks one folder instead of the tree.
func (d *dirSnapshot) Subtree(dir string) ([]Entry, error) {
	if dir == "" {
		return d.Files()
	}
	fsys, err := d.open()
	if err != nil {
		return nil, err
	}
	ok, err := d.realDir(fsys, dir)
	fsys.Close()
	if !ok || err != nil {
		return nil, err
	}
	out, err := d.walkFrom(dir)
	sortEntries(out)
	return out, err
}

// entryFromInfo maps a file's stat to a git-style entry; sockets, devices
// and the like are not files git would commit.
func entryFromInfo(path string, info fs.FileInfo) (Entry, bool) {
	e := Entry{Path: path, Size: info.Size(), Mode: ModeFile}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		e.Mode = ModeSymlink
	case !info.Mode().IsRegular():
		return Entry{}, false
	case info.Mode()&0o111 != 0:
		e.Mode = ModeExecutable
	}
	return e, true
}

func (d *dirSnapshot) ReadFile(path string) ([]byte, error) {
	if !fs.ValidPath(path) || path == "." || inGitDir(path) {
		return nil, notExist(d.root, path)
	}
	fsys, err := d.open()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	info, err := fsys.Lstat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, notExist(d.root, path)
		}
		return nil, err
	}
	e, ok := entryFromInfo(path, info)
	if !ok {
		return nil, notExist(d.root, path)
	}
	if e.Mode == ModeSymlink {
		target, err := fsys.Readlink(path)
		return []byte(target), err
	}
	return fsys.ReadFile(path)
}

// inGitDir reports whether path is or passes through a ".git" entry, which
// Files never lists and ReadFile must not read either.
func inGitDir(path string) bool {
	for _, part := range strings.Split(path, "/") {
		if part == ".git" {
			return true
		}
	}
	return false
}
