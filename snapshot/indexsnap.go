package snapshot

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"sync"

	"github.com/pqcert/pqcert/snapshot/index"
)

// stagedEntry is an index entry before stages are merged.
type stagedEntry struct {
	Entry
	stage       uint8
	intentToAdd bool
}

// mergeStages turns index entries (sorted by path, then stage) into one
// entry per staged path: intent-to-add entries are dropped (git does not
// commit them), and a conflicted path becomes one Unmerged entry showing
// "ours", else "theirs", else the base.
func mergeStages(es []stagedEntry) []Entry {
	out := make([]Entry, 0, len(es))
	for i := 0; i < len(es); {
		e := es[i]
		j := i + 1
		for j < len(es) && es[j].Path == e.Path {
			j++
		}
		switch {
		case e.stage == 0 && j == i+1:
			if !e.intentToAdd {
				out = append(out, e.Entry)
			}
		default:
			pick := es[i]
			for _, s := range es[i:j] {
				if s.stage == 2 || (s.stage == 3 && pick.stage != 2) {
					pick = s
				}
			}
			pick.Unmerged = true
			out = append(out, pick.Entry)
		}
		i = j
	}
	return out
}

// allAdded is the change list against an empty tree.
func allAdded(es []Entry) []Change {
	cs := make([]Change, len(es))
	for i, e := range es {
		cs[i] = Change{Status: added(e), Path: e.Path}
	}
	return cs
}

// treeSnapshot is a list of git entries with a way to read their blobs:
// the index, and commits read through the CLI.
type treeSnapshot struct {
	name     string
	list     listing
	readBlob func(id string) ([]byte, error)
	unborn   bool
}

func (t *treeSnapshot) Name() string                   { return t.name }
func (t *treeSnapshot) Files() ([]Entry, error)        { return t.list.files() }
func (t *treeSnapshot) Stat(path string) (Entry, bool) { return t.list.stat(path) }

func (t *treeSnapshot) ReadFile(path string) ([]byte, error) {
	return readEntry(t, path, t.readBlob)
}

// readEntry reads path of a git-backed snapshot: the blob its entry names.
func readEntry(s Snapshot, path string, readBlob func(id string) ([]byte, error)) ([]byte, error) {
	e, ok := s.Stat(path)
	if !ok {
		return nil, notExist(s.Name(), path)
	}
	if e.Mode == ModeGitlink {
		return nil, fmt.Errorf("%s: %s is a submodule, not a file", s.Name(), path)
	}
	return readBlob(e.Hash)
}

// Index is the index that git hands a hook ($GIT_INDEX_FILE, else the
// repository's own), as one entry per staged path. The index is decoded
// once per Repo while the file is unchanged (Staged shares it), and
// entries are built only for the paths asked about: Files builds all of
// them, Stat, Dir and Subtree only their own.
func (r *Repo) Index() (Snapshot, error) {
	if r.store != nil {
		idx, err := r.readIndex()
		if err == nil {
			s := &indexSnapshot{idx: idx, readBlob: r.readBlob}
			s.list.load = func() ([]Entry, error) { return s.merged(0, len(idx.Entries)), nil }
			return s, nil
		}
		var unsup *UnsupportedError
		if !errors.As(err, &unsup) || r.cli == nil {
			return nil, err
		}
	}
	es, err := r.indexEntries()
	if err != nil {
		return nil, err
	}
	t := &treeSnapshot{name: "index", readBlob: r.readBlob}
	t.list.load = func() ([]Entry, error) { return mergeStages(es), nil }
	return t, nil
}

// indexSnapshot is the index read by pqcert's own reader.
type indexSnapshot struct {
	idx      *index.Index
	readBlob func(id string) ([]byte, error)
	list     listing
}

func (s *indexSnapshot) Name() string            { return "index" }
func (s *indexSnapshot) Files() ([]Entry, error) { return s.list.files() }

func (s *indexSnapshot) ReadFile(path string) ([]byte, error) {
	return readEntry(s, path, s.readBlob)
}

// merged is the entries of index positions [lo, hi), stages merged.
func (s *indexSnapshot) merged(lo, hi int) []Entry {
	es := make([]stagedEntry, 0, hi-lo)
	for i := lo; i < hi; i++ {
		e := s.idx.Entries[i]
		es = append(es, stagedEntry{
			Entry: Entry{Path: s.idx.Path(i), Mode: e.Mode, Hash: hex.EncodeToString(s.idx.OID(i)), Size: -1},
			stage: e.Stage, intentToAdd: e.IntentToAdd,
		})
	}
	return mergeStages(es)
}

func (s *indexSnapshot) path(i int) string { return s.idx.Path(i) }

func (s *indexSnapshot) Stat(path string) (Entry, bool) {
	n := len(s.idx.Entries)
	lo := sort.Search(n, func(i int) bool { return s.idx.Path(i) >= path })
	hi := lo
	for hi < n && s.idx.Path(hi) == path {
		hi++
	}
	if es := s.merged(lo, hi); len(es) == 1 {
		return es[0], true
	}
	return Entry{}, false
}

// Dir binary-searches the folder's run of entries and skips each
// subfolder's run the same way.
func (s *indexSnapshot) Dir(dir string) ([]Entry, error) {
	prefix := dirPrefix(dir)
	lo, hi := prefixRange(len(s.idx.Entries), s.path, prefix)
	var out []Entry
	directRange(lo, hi, s.path, prefix, func(i int) {
		j := i + 1 // the stages of an unmerged path follow it
		for j < hi && s.idx.Path(j) == s.idx.Path(i) {
			j++
		}
		if i > lo && s.idx.Path(i-1) == s.idx.Path(i) {
			return // visited with its first stage
		}
		out = append(out, s.merged(i, j)...)
	})
	return out, nil
}

func (s *indexSnapshot) Subtree(dir string) ([]Entry, error) {
	lo, hi := prefixRange(len(s.idx.Entries), s.path, dirPrefix(dir))
	return s.merged(lo, hi), nil
}

// indexEntries reads the index with pqcert's own reader, and with git
// where that reader or go-git cannot follow.
func (r *Repo) indexEntries() ([]stagedEntry, error) {
	if r.store == nil {
		return r.cli.indexEntries()
	}
	idx, err := r.readIndex()
	if err != nil {
		var unsup *UnsupportedError
		if errors.As(err, &unsup) && r.cli != nil {
			return r.cli.indexEntries()
		}
		return nil, err
	}
	es := make([]stagedEntry, len(idx.Entries))
	for i, e := range idx.Entries {
		es[i] = stagedEntry{
			Entry: Entry{Path: idx.Path(i), Mode: e.Mode, Hash: hex.EncodeToString(idx.OID(i)), Size: -1},
			stage: e.Stage, intentToAdd: e.IntentToAdd,
		}
	}
	return es, nil
}

// readIndex decodes the index file; a missing file is an empty index (a
// new repository before the first `git add`). Features the reader cannot
// decode come back as *UnsupportedError. The decoded index is kept while
// the file is the same one (git replaces the index by renaming a new file
// over it) with the same size and modification time, so Index and Staged
// in one hook decode it once.
func (r *Repo) readIndex() (*index.Index, error) {
	info, err := os.Stat(r.indexPath)
	if errors.Is(err, fs.ErrNotExist) {
		return &index.Index{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading index %s: %w", r.indexPath, err)
	}
	c := r.idxCache
	if c == nil {
		c = &indexCache{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx != nil && os.SameFile(c.info, info) && c.info.Size() == info.Size() && c.info.ModTime().Equal(info.ModTime()) {
		return c.idx, nil
	}
	idx, err := index.ReadFile(r.indexPath, r.hashLen)
	if errors.Is(err, fs.ErrNotExist) {
		return &index.Index{}, nil
	}
	var unsup *index.UnsupportedError
	if errors.As(err, &unsup) {
		return nil, &UnsupportedError{Feature: unsup.Feature}
	}
	if err != nil {
		return nil, fmt.Errorf("reading index %s: %w", r.indexPath, err)
	}
	c.info, c.idx = info, idx
	return idx, nil
}

// indexCache is the last index decoded and the file it came from.
type indexCache struct {
	mu   sync.Mutex
	info fs.FileInfo
	idx  *index.Index
}

// readBlob reads an object through go-git, or git when go-git cannot.
func (r *Repo) readBlob(id string) ([]byte, error) {
	if r.store != nil {
		return r.store.readBlob(id)
	}
	return r.cli.readBlob(id)
}
