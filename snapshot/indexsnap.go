package snapshot

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

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
// repository's own), as one entry per staged path.
func (r *Repo) Index() (Snapshot, error) {
	es, err := r.indexEntries()
	if err != nil {
		return nil, err
	}
	t := &treeSnapshot{name: "index", readBlob: r.readBlob}
	t.list.load = func() ([]Entry, error) { return mergeStages(es), nil }
	return t, nil
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
// decode come back as *UnsupportedError.
func (r *Repo) readIndex() (*index.Index, error) {
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
	return idx, nil
}

// readBlob reads an object through go-git, or git when go-git cannot.
func (r *Repo) readBlob(id string) ([]byte, error) {
	if r.store != nil {
		return r.store.readBlob(id)
	}
	return r.cli.readBlob(id)
}
