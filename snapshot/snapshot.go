// Package snapshot gives the rest of pqcert a read-only file tree, addressed
// by "/"-separated paths, over the four places content comes from: the work
// tree on disk, a commit, the index git hands a pre-commit hook, and a built
// .mez package; and the change between two of them.
//
// Everything that decides whether a commit is blocked reads through this
// package, so it must see exactly what git is about to commit: see repo.go
// for how the index and the repository are found the way git finds them.
package snapshot

import (
	"fmt"
	"io/fs"
	"sort"
	"sync"
)

// Git-style file modes, as stored in trees and the index.
const (
	ModeFile       uint32 = 0o100644
	ModeExecutable uint32 = 0o100755
	ModeSymlink    uint32 = 0o120000
	ModeGitlink    uint32 = 0o160000
)

// Snapshot is a read-only file tree.
type Snapshot interface {
	// Name describes the source for messages: "index", "HEAD", a folder.
	Name() string
	// Files lists every file, sorted by path. It is cached: calling it
	// again is cheap.
	Files() ([]Entry, error)
	// ReadFile returns the content of a file (the link target for a
	// symlink). The error wraps fs.ErrNotExist when the path is absent.
	ReadFile(path string) ([]byte, error)
	// Stat returns the entry for path.
	Stat(path string) (Entry, bool)
}

// Entry is one file of a snapshot.
type Entry struct {
	Path string
	Mode uint32 // ModeFile, ModeExecutable, ModeSymlink or ModeGitlink
	// Hash is the object id in hex. It is "" for disk and .mez entries
	// (Diff computes blob hashes where it needs them).
	Hash string
	// Size in bytes, or -1 where it is not known without reading the
	// object (commit and index entries).
	Size int64
	// Unmerged is set on index entries of a path with a merge conflict;
	// the entry then describes "ours" (stage 2), else "theirs", else the
	// base.
	Unmerged bool
}

// listing is the cached, sorted file list that every Snapshot shares: it
// makes Files cheap to repeat and Stat a binary search.
type listing struct {
	once    sync.Once
	load    func() ([]Entry, error)
	entries []Entry
	err     error
}

func (l *listing) files() ([]Entry, error) {
	l.once.Do(func() {
		l.entries, l.err = l.load()
		if l.err == nil {
			sort.Slice(l.entries, func(i, j int) bool { return l.entries[i].Path < l.entries[j].Path })
		}
	})
	return l.entries, l.err
}

func (l *listing) stat(path string) (Entry, bool) {
	es, err := l.files()
	if err != nil {
		return Entry{}, false
	}
	i := sort.Search(len(es), func(i int) bool { return es[i].Path >= path })
	if i < len(es) && es[i].Path == path {
		return es[i], true
	}
	return Entry{}, false
}

// notExist is the error ReadFile returns for an absent path.
func notExist(name, path string) error {
	return &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w in %s", fs.ErrNotExist, name)}
}
