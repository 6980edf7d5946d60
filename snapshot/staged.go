package snapshot

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/pqcert/pqcert/snapshot/index"
)

// Staged is what `git diff --cached` shows: the change from HEAD to the
// index git hands the hook, with exact renames paired.
//
// It walks HEAD's trees and the index side by side, and skips every folder
// whose cache-tree entry (the index's TREE extension) is still valid and
// equal to HEAD's tree: a commit that touches ten files reads a few dozen
// tree objects, not the whole repository. That is how git answers in
// milliseconds; go-git's Worktree.Status() scans the disk instead and takes
// seconds in a monorepo.
func (r *Repo) Staged() ([]Change, error) {
	if r.store == nil {
		return r.cli.staged()
	}
	idx, err := r.readIndex()
	if err != nil {
		var unsup *UnsupportedError
		if errors.As(err, &unsup) && r.cli != nil {
			return r.cli.staged()
		}
		return nil, err
	}
	head, err := r.store.headCommit()
	if errors.Is(err, errUnborn) {
		es, err := r.indexEntries()
		if err != nil {
			return nil, err
		}
		return allAdded(mergeStages(es)), nil
	}
	if err != nil {
		return nil, fmt.Errorf("HEAD: %w", err)
	}
	root, err := r.store.rootTreeID(head)
	if err != nil {
		return nil, fmt.Errorf("HEAD: %w", err)
	}
	w := &stagedWalk{store: r.store, idx: idx, oldID: map[string]string{}, newID: map[string]string{}}
	if err := w.dir(root, "", ""); err != nil {
		return nil, err
	}
	w.addedUntil(len(idx.Entries))
	return pairRenames(w.changes, func(c Change, old bool) (string, error) {
		if old {
			return w.oldID[c.Path], nil
		}
		return w.newID[c.Path], nil
	})
}

// stagedWalk merges HEAD's trees, flattened in git's tree order, with the
// index entries, which git keeps sorted by the same byte order; pos is the
// first index entry not yet accounted for.
type stagedWalk struct {
	store   *store
	idx     *index.Index
	pos     int
	changes []Change
	// object ids of deleted and added paths, for rename pairing
	oldID, newID map[string]string
}

// dir handles the folder name with tree id (prefix is name + "/", both ""
// at the root). The tree is read only when the cache-tree cannot vouch
// for the folder.
func (w *stagedWalk) dir(id []byte, name, prefix string) error {
	end := w.prefixEnd(prefix)
	if node, ok := w.idx.Tree[name]; ok && bytes.Equal(node.OID, id) {
		w.pos = end
		return nil
	}
	entries, err := w.store.readTree(id)
	if err != nil {
		return fmt.Errorf("HEAD: tree %q: %w", name, err)
	}
	for _, te := range entries {
		full := prefix + te.Name
		if te.Mode == uint32(filemode.Dir) {
			w.addedBefore(full + "/")
			if err := w.dir(te.ID, full, full+"/"); err != nil {
				return err
			}
			continue
		}
		w.addedBefore(full)
		w.file(full, te.Mode, te.ID)
	}
	w.addedUntil(end)
	return nil
}

// file compares HEAD's file at path with the index entries there, if any.
func (w *stagedWalk) file(path string, mode uint32, oid []byte) {
	es := w.idx.Entries
	if w.pos >= len(es) || w.idx.Path(w.pos) != path || es[w.pos].IntentToAdd {
		w.changes = append(w.changes, Change{Status: "D", Path: path})
		w.oldID[path] = hex.EncodeToString(oid)
		return
	}
	e, eOID := es[w.pos], w.idx.OID(w.pos)
	unmerged := w.skipPath()
	if unmerged {
		w.changes = append(w.changes, Change{Status: "U", Path: path})
		return
	}
	st, _ := compareEntries(Entry{Mode: mode}, Entry{Mode: e.Mode},
		func() (string, error) { return string(oid), nil },
		func() (string, error) { return string(eOID), nil })
	if st != "" {
		w.changes = append(w.changes, Change{Status: st, Path: path})
	}
}

// skipPath moves past all stages of the entry at pos and reports whether
// the path is unmerged.
func (w *stagedWalk) skipPath() bool {
	es := w.idx.Entries
	p := w.idx.Path(w.pos)
	unmerged := false
	for w.pos < len(es) && w.idx.Path(w.pos) == p {
		unmerged = unmerged || es[w.pos].Stage != 0
		w.pos++
	}
	return unmerged
}

// addedBefore reports index entries that sort before key as added.
func (w *stagedWalk) addedBefore(key string) {
	for w.pos < len(w.idx.Entries) && w.idx.Path(w.pos) < key {
		w.addOne()
	}
}

// addedUntil reports index entries up to end as added.
func (w *stagedWalk) addedUntil(end int) {
	for w.pos < end {
		w.addOne()
	}
}

func (w *stagedWalk) addOne() {
	i := w.pos
	path := w.idx.Path(i)
	if w.idx.Entries[i].IntentToAdd {
		w.pos++
		return
	}
	if w.skipPath() {
		w.changes = append(w.changes, Change{Status: "U", Path: path})
		return
	}
	w.changes = append(w.changes, Change{Status: "A", Path: path})
	w.newID[path] = hex.EncodeToString(w.idx.OID(i))
}

// prefixEnd is the first index entry at or after pos that does not start
// with prefix ("" covers everything). Entries with a prefix are contiguous
// in a sorted index and end before prefix with its "/" bumped to "0".
func (w *stagedWalk) prefixEnd(prefix string) int {
	es := w.idx.Entries
	if prefix == "" {
		return len(es)
	}
	limit := prefix[:len(prefix)-1] + "0"
	return w.pos + sort.Search(len(es)-w.pos, func(i int) bool { return w.idx.Path(w.pos+i) >= limit })
}
