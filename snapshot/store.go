package snapshot

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
	"github.com/pqcert/pqcert/snapshot/odb"
)

// store reads objects and refs through go-git's storage layer. It is opened
// here rather than with git.PlainOpen because PlainOpen ignores $GIT_DIR,
// reads a linked work tree's refs wrongly without EnableDotGitCommonDir (a
// silent "everything added"), has no AlternatesFS (`git clone -s` fails)
// and refuses extensions.worktreeConfig, which every sparse checkout sets.
type store struct {
	fs   *filesystem.Storage
	repo *git.Repository // for revision expressions
	// odb is the fast path for object reads (see package odb); go-git
	// answers whatever it cannot.
	odb *odb.DB
}

// extensionTolerantStorage hides extensions.worktreeConfig from go-git's
// open-time check (go-git #1943); the per-work-tree config it enables is
// read by readConfig.
type extensionTolerantStorage struct{ *filesystem.Storage }

func (s extensionTolerantStorage) Config() (*config.Config, error) {
	cfg, err := s.Storage.Config()
	if err != nil || cfg.Raw == nil || !cfg.Raw.HasSection("extensions") {
		return cfg, err
	}
	sec := cfg.Raw.Section("extensions")
	for _, o := range sec.Options {
		if strings.EqualFold(o.Key, "worktreeConfig") {
			sec.RemoveOption(o.Key)
		}
	}
	return cfg, nil
}

func openStore(gitDir, commonDir string) (*store, error) {
	fsys := dotgit.NewRepositoryFilesystem(
		osfs.New(gitDir, osfs.WithBoundOS()), osfs.New(commonDir, osfs.WithBoundOS()))
	st := filesystem.NewStorageWithOptions(fsys, cache.NewObjectLRUDefault(),
		filesystem.Options{AlternatesFS: osfs.New("/", osfs.WithBoundOS())})
	repo, err := git.Open(extensionTolerantStorage{st}, nil)
	if err != nil && !errors.Is(err, git.ErrWorktreeNotProvided) {
		return nil, fmt.Errorf("opening %s: %w", gitDir, err)
	}
	return &store{fs: st, repo: repo, odb: odb.Open(filepath.Join(commonDir, "objects"), 20)}, nil
}

// errUnborn marks HEAD pointing at a branch with no commits yet.
var errUnborn = errors.New("HEAD has no commits yet")

// headCommit resolves HEAD, reporting errUnborn for a new repository.
func (s *store) headCommit() (plumbing.Hash, error) {
	ref, err := s.fs.Reference(plumbing.HEAD)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	for range 10 {
		if ref.Type() == plumbing.HashReference {
			return ref.Hash(), nil
		}
		next, err := s.fs.Reference(ref.Target())
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return plumbing.ZeroHash, errUnborn
		}
		if err != nil {
			return plumbing.ZeroHash, err
		}
		ref = next
	}
	return plumbing.ZeroHash, fmt.Errorf("HEAD: symbolic reference loop")
}

// commitTree returns the root tree of a commit (peeling an annotated tag).
func (s *store) commitTree(h plumbing.Hash) (*object.Tree, error) {
	if tag, err := object.GetTag(s.fs, h); err == nil {
		c, err := tag.Commit()
		if err != nil {
			return nil, err
		}
		return c.Tree()
	}
	c, err := object.GetCommit(s.fs, h)
	if err != nil {
		return nil, err
	}
	return c.Tree()
}

// readBlob returns a blob's content.
func (s *store) readBlob(hexID string) ([]byte, error) {
	if id, err := hex.DecodeString(hexID); err == nil {
		if typ, data, err := s.odb.Read(id); err == nil && typ == odb.TypeBlob {
			return data, nil
		}
	}
	b, err := object.GetBlob(s.fs, plumbing.NewHash(hexID))
	if err != nil {
		return nil, fmt.Errorf("blob %s: %w", hexID, err)
	}
	rc, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// readTree returns a tree's entries, through the fast reader when it can.
func (s *store) readTree(id []byte) ([]odb.TreeEntry, error) {
	if typ, data, err := s.odb.Read(id); err == nil && typ == odb.TypeTree {
		if es, err := odb.ParseTree(data, len(id)); err == nil {
			return es, nil
		}
	}
	t, err := object.GetTree(s.fs, plumbing.Hash(id))
	if err != nil {
		return nil, err
	}
	es := make([]odb.TreeEntry, len(t.Entries))
	for i, e := range t.Entries {
		es[i] = odb.TreeEntry{Mode: uint32(e.Mode), Name: e.Name, ID: bytes.Clone(e.Hash[:])}
	}
	return es, nil
}

// rootTreeID is the id of a commit's root tree (peeling annotated tags).
func (s *store) rootTreeID(commit plumbing.Hash) ([]byte, error) {
	id := commit[:]
	for range 10 {
		typ, data, err := s.odb.Read(id)
		if err != nil {
			break
		}
		field := "tree "
		if typ == odb.TypeTag {
			field = "object "
		} else if typ != odb.TypeCommit {
			break
		}
		line, _, _ := bytes.Cut(data, []byte("\n"))
		next, err := hex.DecodeString(string(bytes.TrimPrefix(line, []byte(field))))
		if err != nil || !bytes.HasPrefix(line, []byte(field)) {
			break
		}
		if typ == odb.TypeCommit {
			return next, nil
		}
		id = next
	}
	t, err := s.commitTree(commit)
	if errors.Is(err, plumbing.ErrObjectNotFound) || errors.Is(err, object.ErrUnsupportedObject) {
		return nil, missingCommit(commit.String())
	}
	if err != nil {
		return nil, fmt.Errorf("commit %s: %w", commit, err)
	}
	return bytes.Clone(t.Hash[:]), nil
}
