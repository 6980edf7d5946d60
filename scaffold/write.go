package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Result says what Write did. Every path is shown one way: relative to
// the current folder when --dir was relative (the default), absolute when
// --dir was absolute.
type Result struct {
	Connector string   // the connector folder
	Written   []string // every file written
	Skipped   []string // repository files left alone because they exist
	Kept      []Kept   // the same files, with what to add to each
	RepoRoot  string
	NoRepo    bool     // no git repository around --dir: RepoRoot is --dir itself
	Notes     []string // choices that are allowed but worth knowing about
	Next      []string // the commands to run next, in order
}

// Kept is a repository file that existed, and what pqcert would have
// written into it.
type Kept struct {
	Path string
	Add  string // the lines to add (a YAML block, Makefile targets); "" when it has them
	How  string // where to add them
	// Updated: scaffold-connector wrote this Makefile and has now added the
	// connector to its CONNECTORS line, which Add shows.
	Updated bool
}

// Write renders the scaffold and puts it on disk without overwriting
// anything: Name/ must not exist (unless Force), and repository files are
// written only where absent. Every file is first written into a temporary
// folder beside its target and then renamed into place, so an interrupted
// run leaves no half-made connector — at most a hidden temporary folder.
func Write(o Options) (*Result, error) {
	o, err := o.normalize()
	if err != nil {
		return nil, err
	}
	parent, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--dir %s: not a folder", o.Dir)
	}
	target := filepath.Join(parent, o.Name)
	exists := false
	if st, err := os.Lstat(target); err == nil {
		if !st.IsDir() {
			return nil, fmt.Errorf("%s already exists and is not a folder", filepath.Join(o.Dir, o.Name))
		}
		if !o.Force {
			return nil, fmt.Errorf("%s already exists: choose another name or --dir, or pass --force to write over the scaffold's files in it", filepath.Join(o.Dir, o.Name))
		}
		exists = true
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	show := func(abs string) string {
		if filepath.IsAbs(o.Dir) {
			return abs
		}
		if rel, err := filepath.Rel(cwd, abs); err == nil {
			return rel
		}
		return abs
	}
	root, inRepo := repoRoot(parent)
	rel, err := filepath.Rel(root, target)
	if err != nil {
		return nil, err
	}
	if err := checkMakeDir(filepath.ToSlash(rel)); err != nil {
		return nil, err
	}
	d := newData(o, filepath.ToSlash(rel))
	files, err := render(d)
	if err != nil {
		return nil, err
	}

	tmp, err := os.MkdirTemp(parent, "."+o.Name+".scaffold-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // after the renames it holds nothing that matters
	res := &Result{Connector: show(target), RepoRoot: show(root), NoRepo: !inRepo}
	if n := CategoryNote(o.Category); n != "" {
		res.Notes = append(res.Notes, n)
	}

	// Stage everything first; only renames remain after this loop.
	type move struct {
		from, to, show string
		repo           bool
	}
	var moves []move
	for i, f := range files {
		if f.Repo {
			dest := filepath.Join(root, filepath.FromSlash(f.Path))
			if _, err := os.Lstat(dest); err == nil {
				res.Skipped = append(res.Skipped, show(dest))
				continue
			}
			staged := filepath.Join(tmp, fmt.Sprintf("repo-%d", i))
			if err := os.WriteFile(staged, f.Data, 0o644); err != nil {
				return nil, err
			}
			moves = append(moves, move{staged, dest, show(dest), true})
			continue
		}
		staged := filepath.Join(tmp, o.Name, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(staged), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(staged, f.Data, 0o644); err != nil {
			return nil, err
		}
		dest := filepath.Join(target, filepath.FromSlash(f.Path))
		if exists {
			moves = append(moves, move{staged, dest, show(dest), false})
		} else {
			res.Written = append(res.Written, show(dest))
		}
	}
	afterStage(tmp)
	if !exists {
		if err := os.Chmod(filepath.Join(tmp, o.Name), 0o755); err != nil {
			return nil, err
		}
		// One rename puts the whole folder in place. It fails rather than
		// replace a folder that appeared meanwhile (unless that one is empty).
		if err := os.Rename(filepath.Join(tmp, o.Name), target); err != nil {
			return nil, fmt.Errorf("moving the connector into place: %w", err)
		}
	}
	for _, m := range moves {
		if m.repo {
			// A repository file that appeared since the check is kept.
			if _, err := os.Lstat(m.to); err == nil {
				res.Skipped = append(res.Skipped, m.show)
				continue
			}
		}
		if err := os.Rename(m.from, m.to); err != nil {
			return res, err
		}
		res.Written = append(res.Written, m.show)
	}
	if err := res.advise(d, root); err != nil {
		// Everything is written; only the advice is incomplete.
		res.Notes = append(res.Notes, "note: "+err.Error())
	}
	return res, nil
}

// afterStage lets a test look between staging and the renames, where an
// interrupted run would stop.
var afterStage = func(tmp string) {}

// repoRoot is the nearest folder at or above dir holding .git, and true;
// dir itself and false when there is none, so a scaffold outside git still
// gets its Makefile.
func repoRoot(dir string) (string, bool) {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, true
		} else if !errors.Is(err, fs.ErrNotExist) {
			return dir, true // unreadable: assume a repository rather than advise git init
		}
		up := filepath.Dir(d)
		if up == d {
			return dir, false
		}
		d = up
	}
}
