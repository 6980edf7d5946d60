package snapshot

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/pqcert/pqcert/snapshot/odb"
)

// diffCommits is Diff for two commits of one repository (--from-ref and
// --to-ref): it walks both trees together and skips every folder whose
// tree id is the same on both sides, as Staged does against the index, so
// a change of ten files reads the trees on their paths instead of
// flattening two whole trees. The trees it reads are kept by the
// snapshots, where looking at the folders around the change finds them.
func diffCommits(before, after *commitSnapshot) ([]Change, error) {
	w := &treeDiff{before: before, after: after, oldID: map[string]string{}, newID: map[string]string{}}
	if err := w.dir(before.root, after.root, ""); err != nil {
		return nil, err
	}
	cs, err := pairRenames(w.changes, func(c Change, old bool) (string, error) {
		if old {
			return w.oldID[c.Path], nil
		}
		return w.newID[c.Path], nil
	})
	// Tree order puts "a/" after "a.pq"; Diff's order is by path.
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Path < cs[j].Path })
	return cs, err
}

type treeDiff struct {
	before, after *commitSnapshot
	changes       []Change
	// object ids of deleted and added paths, for rename pairing
	oldID, newID map[string]string
}

// dir compares folder dir ("" the root), tree bid before and aid after.
func (w *treeDiff) dir(bid, aid []byte, dir string) error {
	if bytes.Equal(bid, aid) {
		return nil
	}
	bes, err := w.before.readTreeAt(dir, bid)
	if err != nil {
		return err
	}
	aes, err := w.after.readTreeAt(dir, aid)
	if err != nil {
		return err
	}
	prefix := dirPrefix(dir)
	// Both lists are in git's tree order: by name, a folder's name taken
	// with a trailing "/". A file and a folder of one name differ by key,
	// and so come out as a deletion and additions, as in Diff.
	key := func(te odb.TreeEntry) string {
		if te.Mode == uint32(filemode.Dir) {
			return te.Name + "/"
		}
		return te.Name
	}
	i, j := 0, 0
	for i < len(bes) || j < len(aes) {
		switch {
		case j == len(aes) || (i < len(bes) && key(bes[i]) < key(aes[j])):
			if err := w.gone(bes[i], prefix); err != nil {
				return err
			}
			i++
		case i == len(bes) || key(aes[j]) < key(bes[i]):
			if err := w.added(aes[j], prefix); err != nil {
				return err
			}
			j++
		default:
			b, a := bes[i], aes[j]
			i++
			j++
			if b.Mode == uint32(filemode.Dir) {
				if err := w.dir(b.ID, a.ID, prefix+b.Name); err != nil {
					return err
				}
				continue
			}
			st, _ := compareEntries(Entry{Mode: b.Mode}, Entry{Mode: a.Mode},
				func() (string, error) { return string(b.ID), nil },
				func() (string, error) { return string(a.ID), nil })
			if st != "" {
				w.changes = append(w.changes, Change{Status: st, Path: prefix + b.Name})
			}
		}
	}
	return nil
}

// gone reports a file, or every file of a folder, as deleted.
func (w *treeDiff) gone(te odb.TreeEntry, prefix string) error {
	return w.whole(w.before, te, prefix, "D", w.oldID)
}

// added reports a file, or every file of a folder, as added.
func (w *treeDiff) added(te odb.TreeEntry, prefix string) error {
	return w.whole(w.after, te, prefix, "A", w.newID)
}

// whole reports the file te, or every file under the folder te, of c
// with status, noting their object ids in ids.
func (w *treeDiff) whole(c *commitSnapshot, te odb.TreeEntry, prefix, status string, ids map[string]string) error {
	es, err := w.files(c, te, prefix)
	for _, e := range es {
		w.changes = append(w.changes, Change{Status: status, Path: e.Path})
		ids[e.Path] = e.Hash
	}
	return err
}

// files is the file te, or the files under the folder te, of c.
func (w *treeDiff) files(c *commitSnapshot, te odb.TreeEntry, prefix string) ([]Entry, error) {
	p := prefix + te.Name
	if te.Mode == uint32(filemode.Dir) {
		return c.walk(te.ID, p+"/")
	}
	return []Entry{{Path: p, Mode: te.Mode, Hash: hex.EncodeToString(te.ID), Size: -1}}, nil
}

// readTreeAt reads tree id, the folder dir of c, and keeps it as c's tree
// for dir.
func (c *commitSnapshot) readTreeAt(dir string, id []byte) ([]odb.TreeEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.trees[dir]; t != nil && bytes.Equal(t.id, id) {
		return t.entries, nil
	}
	es, err := c.store.readTree(id)
	if err != nil {
		return nil, fmt.Errorf("%s: tree %q: %w", c.name, dir, err)
	}
	c.trees[dir] = &tree{id: id, entries: es}
	return es, nil
}
