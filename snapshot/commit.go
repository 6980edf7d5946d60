package snapshot

import (
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
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
	tree, err := r.store.commitTree(h)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rev, err)
	}
	c := &commitSnapshot{name: rev, tree: tree, store: r.store}
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
	id, ok, err := r.cli.resolve(rev)
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

// commitSnapshot reads a commit's tree lazily through go-git: a hook often
// reads a handful of files from HEAD, which must not cost a walk of every
// tree in a monorepo.
type commitSnapshot struct {
	name  string
	store *store
	mu    sync.Mutex // go-git's Tree caches lookups in an unguarded map
	tree  *object.Tree
	list  listing
}

func (c *commitSnapshot) Name() string            { return c.name }
func (c *commitSnapshot) Files() ([]Entry, error) { return c.list.files() }

func (c *commitSnapshot) Stat(p string) (Entry, bool) {
	c.mu.Lock()
	te, err := c.tree.FindEntry(p)
	c.mu.Unlock()
	if err != nil || te.Mode == filemode.Dir {
		return Entry{}, false
	}
	return Entry{Path: p, Mode: uint32(te.Mode), Hash: te.Hash.String(), Size: -1}, true
}

func (c *commitSnapshot) ReadFile(p string) ([]byte, error) {
	return readEntry(c, p, c.store.readBlob)
}

func (c *commitSnapshot) flatten() ([]Entry, error) {
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
	return out, walk(c.tree.Hash[:], "")
}
