package snapshot

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// store reads objects and refs through go-git's storage layer. It is opened
// here rather than with git.PlainOpen because PlainOpen ignores $GIT_DIR,
// reads a linked work tree's refs wrongly without EnableDotGitCommonDir (a
// silent "everything added"), has no AlternatesFS (`git clone -s` fails)
// and refuses extensions.worktreeConfig, which every sparse checkout sets.
type store struct {
	fs   *filesystem.Storage
	repo *git.Repository // for revision expressions
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
	return &store{fs: st, repo: repo}, nil
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
