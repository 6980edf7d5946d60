package snapshot

import (
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/pqcert/pqcert/snapshot/odb"
)

// Commit is the tree of a commit named by any revision expression git
// accepts ("HEAD", "HEAD~1", a sha, a branch, a tag). When HEAD has no
// commits yet, Commit("HEAD") is an empty snapshot for which IsUnborn is
// true, so the first commit compares against nothing.
func (r *Repo) Commit(rev string) (Snapshot, error) {
	if r.store == nil {
		return r.cliCommit(rev)
	}
	h, err := r.resolve(rev)
	if errors.Is(err, errUnborn) {
		return unbornSnapshot(rev), nil
	}
	if err != nil {
		return nil, err
	}
	root, err := r.store.rootTreeID(h)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rev, err)
	}
	c := &commitSnapshot{name: rev, root: root, store: r.store, trees: map[string]*tree{}}
	c.list.load = c.flatten
	return c, nil
}

// resolve maps a revision to a commit id with go-git, asking git for the
// expressions go-git does not parse (e.g. "main@{1}", ":/message").
func (r *Repo) resolve(rev string) (plumbing.Hash, error) {
	if rev == "HEAD" || rev == "@" {
		return r.store.headCommit()
	}
	if h, err := r.store.repo.ResolveRevision(plumbing.Revision(rev)); err == nil {
		return *h, nil
	}
	if r.cli == nil {
		return plumbing.ZeroHash, fmt.Errorf("unknown revision %q", rev)
	}
	id, ok, err := r.cli.resolve(rev)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if !ok {
		return plumbing.ZeroHash, fmt.Errorf("unknown revision %q", rev)
	}
	return plumbing.NewHash(id), nil
}

func (r *Repo) cliCommit(rev string) (Snapshot, error) {
	resolve := r.cli.resolve
	if rev == "HEAD" || rev == "@" {
		resolve = func(string) (string, bool, error) { return r.cli.resolveHead() }
	}
	id, ok, err := resolve(rev)
	if err != nil {
		return nil, err
	}
	if !ok {
		if rev == "HEAD" || rev == "@" {
			return unbornSnapshot(rev), nil
		}
		return nil, fmt.Errorf("unknown revision %q", rev)
	}
	es, err := r.cli.treeEntries(id)
	if err != nil {
		return nil, err
	}
	t := &treeSnapshot{name: rev, readBlob: r.cli.readBlob}
	t.list.load = func() ([]Entry, error) { return es, nil }
	return t, nil
}

func unbornSnapshot(rev string) Snapshot {
	t := &treeSnapshot{name: rev, unborn: true, readBlob: func(string) ([]byte, error) {
		return nil, errUnborn
	}}
	t.list.load = func() ([]Entry, error) { return nil, nil }
	return t
}

// IsUnborn reports whether s is the empty snapshot Commit returns for a
// HEAD that has no commits yet.
func IsUnborn(s Snapshot) bool {
	t, ok := s.(*treeSnapshot)
	return ok && t.unborn
}

// commitSnapshot reads a commit's trees lazily, each at most once: a hook
// often reads a handful of files from HEAD and looks at the folders around
// them, which must not cost a walk of every tree in a monorepo.
type commitSnapshot struct {
	name  string
	store *store
	root  []byte // id of the root tree
	list  listing

	mu    sync.Mutex
	trees map[string]*tree // folder path → its tree; nil for a folder that is absent
}

// tree is one tree object read by a commitSnapshot.
type tree struct {
	id      []byte
	entries []odb.TreeEntry
}

func (c *commitSnapshot) Name() string            { return c.name }
func (c *commitSnapshot) Files() ([]Entry, error) { return c.list.files() }

// treeAt returns the tree of folder dir ("" the root), reading only the
// trees on the way there; nil when there is no such folder.
func (c *commitSnapshot) treeAt(dir string) (*tree, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.treeAtLocked(dir)
}

func (c *commitSnapshot) treeAtLocked(dir string) (*tree, error) {
	if t, ok := c.trees[dir]; ok {
		return t, nil
	}
	id := c.root
	if dir != "" {
		parent, name := splitPath(dir)
		pt, err := c.treeAtLocked(parent)
		if err != nil || pt == nil {
			return nil, err
		}
		id = nil
		for _, te := range pt.entries {
			if te.Name == name && te.Mode == uint32(filemode.Dir) {
				id = te.ID
				break
			}
		}
		if id == nil {
			c.trees[dir] = nil
			return nil, nil
		}
	}
	es, err := c.store.readTree(id)
	if err != nil {
		return nil, fmt.Errorf("%s: tree %q: %w", c.name, dir, err)
	}
	t := &tree{id: id, entries: es}
	c.trees[dir] = t
	return t, nil
}

// splitPath splits p into its folder ("" at the root) and base name.
func splitPath(p string) (dir, name string) {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i], p[i+1:]
	}
	return "", p
}

func (c *commitSnapshot) Stat(p string) (Entry, bool) {
	dir, name := splitPath(p)
	t, err := c.treeAt(dir)
	if err != nil || t == nil {
		return Entry{}, false
	}
	for _, te := range t.entries {
		if te.Name == name && te.Mode != uint32(filemode.Dir) {
			return Entry{Path: p, Mode: te.Mode, Hash: hex.EncodeToString(te.ID), Size: -1}, true
		}
	}
	return Entry{}, false
}

func (c *commitSnapshot) ReadFile(p string) ([]byte, error) {
	return readEntry(c, p, c.store.readBlob)
}

// Dir lists the files of one folder from its tree alone.
func (c *commitSnapshot) Dir(dir string) ([]Entry, error) {
	t, err := c.treeAt(dir)
	if err != nil || t == nil {
		return nil, err
	}
	var out []Entry
	for _, te := range t.entries {
		if te.Mode != uint32(filemode.Dir) {
			out = append(out, Entry{Path: dirPrefix(dir) + te.Name, Mode: te.Mode, Hash: hex.EncodeToString(te.ID), Size: -1})
		}
	}
	sortEntries(out)
	return out, nil
}

// Subtree lists the files under one folder from the trees below it.
func (c *commitSnapshot) Subtree(dir string) ([]Entry, error) {
	t, err := c.treeAt(dir)
	if err != nil || t == nil {
		return nil, err
	}
	out, err := c.walk(t.id, dirPrefix(dir))
	sortEntries(out)
	return out, err
}

func (c *commitSnapshot) flatten() ([]Entry, error) { return c.walk(c.root, "") }

// walk lists the files of the tree id and the trees below it, in tree
// order, their paths prefixed with prefix.
func (c *commitSnapshot) walk(root []byte, prefix string) ([]Entry, error) {
	var out []Entry
	var walk func(id []byte, prefix string) error
	walk = func(id []byte, prefix string) error {
		entries, err := c.store.readTree(id)
		if err != nil {
			return fmt.Errorf("%s: tree %q: %w", c.name, prefix, err)
		}
		for _, te := range entries {
			p := prefix + te.Name
			if te.Mode == uint32(filemode.Dir) {
				if err := walk(te.ID, p+"/"); err != nil {
					return err
				}
				continue
			}
			out = append(out, Entry{Path: p, Mode: te.Mode, Hash: hex.EncodeToString(te.ID), Size: -1})
		}
		return nil
	}
	return out, walk(root, prefix)
}

func sortEntries(es []Entry) {
	sort.Slice(es, func(i, j int) bool { return es[i].Path < es[j].Path })
}
