package snapshot

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Repo is a git repository found the way git finds it, so that a hook reads
// the same index and objects as the git process that ran it.
type Repo struct {
	root      string // work tree root
	gitDir    string // this work tree's git dir (.git/worktrees/x for a linked one)
	commonDir string // objects, refs and config (shared by linked work trees)
	indexPath string // $GIT_INDEX_FILE or gitDir/index
	hashLen   int    // 20 (SHA-1) or 32 (SHA-256)

	store *store  // go-git object and ref access; nil when only the CLI can read
	cli   *gitCLI // the git binary, when available; required when store is nil
	// cliReason names why store is nil (the feature go-git cannot read).
	cliReason string

	idxCache *indexCache // see readIndex

	settings map[string][]string // pqcert.* from the repository's config
}

// Setting returns the values of pqcert.<name> in the repository's own
// config (not the user's global one), in file order; name is
// case-insensitive as in git.
func (r *Repo) Setting(name string) []string { return r.settings[strings.ToLower(name)] }

// OpenRepo opens the repository containing dir (dir may be a subfolder).
// It honours GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE from the
// environment (relative values are relative to the process's working
// directory, as git means them), linked work trees and ".git" files.
func OpenRepo(dir string) (*Repo, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return openRepo(dir, cwd, os.Getenv)
}

// openRepo is OpenRepo with the environment and working directory passed
// in, so tests can play a hook's environment without touching the process.
func openRepo(dir, cwd string, getenv func(string) string) (*Repo, error) {
	r := &Repo{idxCache: &indexCache{}}
	var err error
	if v := getenv("GIT_DIR"); v != "" {
		r.gitDir = absFrom(cwd, v)
	} else if r.gitDir, r.root, err = findGitDir(absFrom(cwd, dir)); err != nil {
		return nil, err
	}
	r.commonDir = r.gitDir
	if b, err := os.ReadFile(filepath.Join(r.gitDir, "commondir")); err == nil {
		r.commonDir = absFrom(r.gitDir, strings.TrimSpace(string(b)))
	}
	cfg, err := readConfig(r.commonDir, r.gitDir)
	if err != nil {
		return nil, err
	}
	r.settings = cfg.pqcert
	if err := r.findRoot(cwd, getenv("GIT_WORK_TREE"), cfg); err != nil {
		return nil, err
	}
	r.indexPath = filepath.Join(r.gitDir, "index")
	if v := getenv("GIT_INDEX_FILE"); v != "" {
		r.indexPath = absFrom(cwd, v)
	}
	r.hashLen = 20
	if cfg.objectFormat == "sha256" {
		r.hashLen = 32
	}
	if bin, err := lookGit(); err == nil {
		r.cli = &gitCLI{bin: bin, gitDir: r.gitDir, root: r.root, indexPath: r.indexPath}
	}
	if reason := cfg.unsupported(); reason != "" {
		r.cliReason = reason
		if r.cli == nil {
			return nil, &UnsupportedError{Feature: reason}
		}
		return r, nil
	}
	r.store, err = openStore(r.gitDir, r.commonDir)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// findRoot settles the work tree root: $GIT_WORK_TREE, core.worktree, the
// folder a linked work tree's admin dir points back to, the parent of a
// ".git" folder, or (git's rule for a bare $GIT_DIR) the working directory.
func (r *Repo) findRoot(cwd, envWorkTree string, cfg *repoConfig) error {
	switch {
	case envWorkTree != "":
		r.root = absFrom(cwd, envWorkTree)
	case cfg.worktree != "":
		r.root = absFrom(r.gitDir, cfg.worktree)
	case r.root != "":
	default:
		if b, err := os.ReadFile(filepath.Join(r.gitDir, "gitdir")); err == nil {
			r.root = filepath.Dir(absFrom(r.gitDir, strings.TrimSpace(string(b))))
		} else if filepath.Base(r.gitDir) == ".git" {
			r.root = filepath.Dir(r.gitDir)
		} else {
			r.root = cwd
		}
	}
	return nil
}

// findGitDir walks up from dir to the first ".git" folder or ".git" file
// ("gitdir: <path>", written by submodules, --separate-git-dir and linked
// work trees).
func findGitDir(dir string) (gitDir, root string, err error) {
	for d := dir; ; {
		p := filepath.Join(d, ".git")
		info, err := os.Stat(p)
		switch {
		case err == nil && info.IsDir():
			if _, err := os.Stat(filepath.Join(p, "HEAD")); err == nil {
				return p, d, nil
			}
		case err == nil:
			b, err := os.ReadFile(p)
			if err != nil {
				return "", "", err
			}
			target, ok := bytes.CutPrefix(bytes.TrimSpace(b), []byte("gitdir:"))
			if !ok {
				return "", "", fmt.Errorf("%s: not a gitdir file", p)
			}
			return absFrom(d, strings.TrimSpace(string(target))), d, nil
		case !errors.Is(err, os.ErrNotExist):
			return "", "", err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", "", fmt.Errorf("%s: not in a git repository", dir)
		}
		d = parent
	}
}

// absFrom resolves p against base unless it is already absolute.
func absFrom(base, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(base, p)
}

// Close releases the files r holds open between reads: the pack files of
// its object database. A command that exits need not call it; a
// long-lived caller that opens many repositories (a test suite, a server)
// should, or the descriptors wait for the garbage collector. Snapshots of
// r stay usable after Close: a later read opens what it needs again.
// Snapshots themselves hold no files (a folder's is opened per read, a
// .mez is read into memory), so they have no Close.
func (r *Repo) Close() error {
	if r.store == nil {
		return nil
	}
	return errors.Join(r.store.odb.Close(), r.store.fs.Close())
}

// Root is the work tree root.
func (r *Repo) Root() string { return r.root }

// Worktree is the work tree on disk.
func (r *Repo) Worktree() (Snapshot, error) { return OpenDir(r.root) }

// needCLI returns the git CLI for a feature go-git cannot read, or the
// UnsupportedError naming it.
func (r *Repo) needCLI(feature string) (*gitCLI, error) {
	if r.cli == nil {
		return nil, &UnsupportedError{Feature: feature}
	}
	return r.cli, nil
}
