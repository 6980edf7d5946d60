package hooks

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

// mode says what a check command reads.
type mode struct {
	fromRef, toRef string
	all            bool
	paths          []string
}

// input is what the runner will check: the snapshots, the change between
// them and the connectors it touches.
type input struct {
	root string // repository root, "" outside a repository
	// skipped are folders with several section documents that the change
	// touches: not connectors by definition, so not checked, but said.
	skipped map[string][]string
	before  snapshot.Snapshot
	after   snapshot.Snapshot
	changes []snapshot.Change
	touched []connector.Touched
	// ambiguous are the folders with several section documents, after the
	// change, among those holding a changed path or above one.
	ambiguous map[string][]string
	// whole is set when there is no change to compare with, only a history
	// to check whole (the first push of a branch).
	whole bool
}

// Getenv is os.Getenv, a variable so that tests can set the pre-commit
// environment without touching the process's.
var Getenv = os.Getenv

// readInput opens the repository (unless paths were given) and computes
// the change: staged by default, or between two refs.
func readInput(m mode) (*input, error) {
	repo, err := snapshot.OpenRepo(".")
	if err != nil {
		var ue *snapshot.UnsupportedError
		if errors.As(err, &ue) {
			return nil, err
		}
		return nil, fmt.Errorf("%v; to check connectors outside a repository, pass their folders, files or .mez packages", err)
	}
	in := &input{root: repo.Root()}
	switch {
	case m.fromRef == "" && m.toRef == "" && Getenv("PRE_COMMIT_REMOTE_NAME") != "":
		// pre-commit at pre-push, for a push whose history has no commit in
		// common with the remote: it gives no refs, so the pushed branch
		// is checked whole, every connector as new.
		ref := Getenv("PRE_COMMIT_LOCAL_BRANCH")
		if ref == "" {
			ref = "HEAD"
		}
		if in.after, err = repo.Commit(ref); err != nil {
			return nil, err
		}
		in.before, in.whole = in.after, true
	case m.fromRef != "" || m.toRef != "":
		from, to := m.fromRef, m.toRef
		if from == "" || to == "" {
			return nil, usagef("--from-ref and --to-ref go together (got from %q, to %q)", from, to)
		}
		if in.before, err = repo.Commit(from); err != nil {
			return nil, err
		}
		if in.after, err = repo.Commit(to); err != nil {
			return nil, err
		}
		if in.changes, err = snapshot.Diff(in.before, in.after); err != nil {
			return nil, err
		}
	default:
		if in.after, err = repo.Index(); err != nil {
			return nil, err
		}
		if in.before, err = repo.Commit("HEAD"); err != nil {
			return nil, err
		}
		if in.changes, err = repo.Staged(); err != nil {
			return nil, err
		}
	}
	// Only the folders around the change are read. An ambiguous folder is
	// not fatal here: targets reports it, and the connectors that could be
	// decided are still touched.
	im, err := connector.Analyze(in.changes, in.before, in.after)
	if err != nil {
		return nil, err
	}
	in.touched, in.ambiguous = im.Touched, im.AmbiguousAfter
	return in, nil
}

// loadJob is one connector to load: as it will be (after) and as it was.
type loadJob struct {
	snap       snapshot.Snapshot
	pkg        connector.Package
	prefix     string // prepended to paths for display (a folder or a .mez)
	beforeSnap snapshot.Snapshot
	beforePkg  *connector.Package
}

// targets turns the input into the connectors to check. With all, every
// connector of the after snapshot is checked; otherwise those the change
// touches (a deleted connector needs nothing), taken from the touched list
// without discovering either snapshot: a commit of ten files in a
// monorepo reads the folders around those files, not the whole tree.
func (in *input) targets(all bool) ([]checks.Target, error) {
	var jobs []loadJob
	if !all {
		in.skipped = touchedDirs(in.ambiguous, in.changes, false)
		for _, t := range in.touched {
			if t.After == nil {
				continue
			}
			jobs = append(jobs, in.job(*t.After, t))
		}
		return loadAll(jobs), nil
	}
	afterPkgs, ambiguous, err := discover(in.after)
	if err != nil {
		return nil, err
	}
	in.skipped = touchedDirs(ambiguous, in.changes, true)
	touched := make(map[string]connector.Touched, len(in.touched))
	for _, t := range in.touched {
		if t.After != nil {
			touched[t.Dir] = t
		}
	}
	for _, p := range afterPkgs {
		jobs = append(jobs, in.job(p, touched[p.Dir]))
	}
	return loadAll(jobs), nil
}

// job loads pkg from the after snapshot, with the package it was before
// the change (t.Before) when t touched it and it is not new.
func (in *input) job(pkg connector.Package, t connector.Touched) loadJob {
	j := loadJob{snap: in.after, pkg: pkg}
	if t.Before != nil {
		j.beforeSnap, j.beforePkg = in.before, t.Before
	}
	return j
}

// discover finds the connector packages of a snapshot, and the folders
// with several section documents, which are not connectors: pqcert does
// not guess which document would be the connector.
func discover(s snapshot.Snapshot) ([]connector.Package, map[string][]string, error) {
	pkgs, err := connector.Discover(s)
	var amb *connector.AmbiguousError
	if errors.As(err, &amb) {
		return pkgs, amb.Dirs, nil
	}
	return pkgs, nil, err
}

// touchedDirs keeps the ambiguous folders that a change touches (all of
// them with all): a monorepo may hold many folders of loose queries, and
// a commit should hear only of those it changes.
func touchedDirs(ambiguous map[string][]string, changes []snapshot.Change, all bool) map[string][]string {
	if all || len(ambiguous) == 0 {
		return ambiguous
	}
	out := map[string][]string{}
	for dir, docs := range ambiguous {
		for _, c := range changes {
			if under(c.Path, dir) || (c.OldPath != "" && under(c.OldPath, dir)) {
				out[dir] = docs
				break
			}
		}
	}
	return out
}

func under(p, dir string) bool { return dir == "" || strings.HasPrefix(p, dir+"/") }

// maxNotes is how many skipped folders are named before the rest are counted.
const maxNotes = 5

// printSkipped tells, on w, which folders were not checked and why.
func printSkipped(w io.Writer, name string, skipped map[string][]string) {
	dirs := make([]string, 0, len(skipped))
	for d := range skipped {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for i, d := range dirs {
		if i == maxNotes {
			fmt.Fprintf(w, "%s: note: and %d more such folders\n", name, len(dirs)-maxNotes)
			break
		}
		docs := skipped[d]
		shown := docs
		if len(shown) > 3 {
			shown = shown[:3]
		}
		more := ""
		if len(docs) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(docs)-len(shown))
		}
		if d == "" {
			d = "."
		}
		fmt.Fprintf(w, "%s: note: %s holds %d section documents (%s%s), so it is not checked as a connector; a connector folder holds exactly one\n",
			name, d, len(docs), strings.Join(shown, ", "), more)
	}
}

// pathTargets loads the connectors named by path arguments, from disk or
// from .mez packages. Inside a repository, paths are shown relative to its
// root (as in every other mode), and root is returned. A path that is not
// part of a connector is an error.
func pathTargets(args []string) (targets []checks.Target, root string, err error) {
	if repo, err := snapshot.OpenRepo("."); err == nil {
		root = repo.Root()
	}
	var jobs []loadJob
	seen := map[string]bool{}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, root, fmt.Errorf("%s: no such file or folder", arg)
		}
		var job *loadJob
		var pkgs []loadJob
		switch {
		case !st.IsDir() && strings.EqualFold(filepath.Ext(arg), ".mez"):
			snap, err := snapshot.OpenMez(arg)
			if err != nil {
				return nil, root, err
			}
			pkgs, err = folderJobs(arg, snap, displayPath(root, arg)+"!")
			if err != nil {
				return nil, root, err
			}
		case st.IsDir():
			snap, err := snapshot.OpenDir(arg)
			if err != nil {
				return nil, root, err
			}
			if pkgs, err = folderJobs(arg, snap, displayPath(root, arg)); err != nil {
				return nil, root, err
			}
		default:
			if job, err = fileJob(arg, root); err != nil {
				return nil, root, err
			}
			pkgs = []loadJob{*job}
		}
		for _, j := range pkgs {
			if key := j.prefix + "/" + j.pkg.Dir; !seen[key] {
				seen[key] = true
				jobs = append(jobs, j)
			}
		}
	}
	return loadAll(jobs), root, nil
}

// folderJobs lists the connectors in a folder or .mez named by arg.
func folderJobs(arg string, snap snapshot.Snapshot, prefix string) ([]loadJob, error) {
	pkgs, ambiguous, err := discover(snap)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", arg, err)
	}
	if len(pkgs) == 0 {
		// Named explicitly, a folder that is not a connector is an error.
		if docs, ok := ambiguous[""]; ok {
			return nil, fmt.Errorf("%s: holds %d section documents (%s); a connector folder holds exactly one", arg, len(docs), strings.Join(docs, ", "))
		}
		return nil, fmt.Errorf("%s: no connector here (a connector is a folder with one section document, Name.pq)", arg)
	}
	jobs := make([]loadJob, len(pkgs))
	for i, p := range pkgs {
		jobs[i] = loadJob{snap: snap, pkg: p, prefix: prefix}
	}
	return jobs, nil
}

// fileJob finds the connector a file belongs to: the nearest folder above
// it that holds a section document (a module in a subfolder belongs to the
// connector above), going no higher than the repository root; only that
// folder's subtree is read.
func fileJob(arg, root string) (*loadJob, error) {
	abs, err := filepath.Abs(arg)
	if err != nil {
		return nil, err
	}
	notPackaged := fmt.Errorf("%s: not a packaged file of any connector (a connector is a folder with one section document, Name.pq)", arg)
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if holdsSectionDocument(dir) {
			snap, err := snapshot.OpenDir(dir)
			if err != nil {
				return nil, err
			}
			pkgs, _, err := discover(snap)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", arg, err)
			}
			rel, _ := filepath.Rel(dir, abs)
			for _, p := range pkgs {
				if slices.Contains(p.Files, filepath.ToSlash(rel)) {
					return &loadJob{snap: snap, pkg: p, prefix: displayPath(root, dir)}, nil
				}
			}
			return nil, notPackaged
		}
		if dir == root || dir == filepath.Dir(dir) {
			return nil, notPackaged
		}
	}
}

// holdsSectionDocument reports whether a folder has a section document of
// its own (not in a subfolder).
func holdsSectionDocument(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && connector.IsSectionDocument(e.Name()) {
			return true
		}
	}
	return false
}

// displayPath shows a path relative to the repository root when it is
// inside it (outside a repository: relative to the working folder), else
// as an absolute path.
func displayPath(root, p string) string {
	base := root
	if base == "" {
		base, _ = os.Getwd()
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(p))
	}
	if rel, err := filepath.Rel(base, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// loadAll parses the connectors in parallel: parsing dominates a run over
// many connectors.
func loadAll(jobs []loadJob) []checks.Target {
	out := make([]checks.Target, len(jobs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				j := jobs[i]
				out[i].After = load(j.snap, j.pkg, j.prefix)
				if j.beforePkg != nil {
					out[i].Before = load(j.beforeSnap, *j.beforePkg, j.prefix)
				}
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

// load reads one package through checks.Load, showing its paths under
// prefix (the folder or .mez it came from) when there is one.
func load(s snapshot.Snapshot, p connector.Package, prefix string) *checks.Connector {
	show := func(q string) string {
		if prefix == "" || prefix == "." {
			return q
		}
		if strings.HasSuffix(prefix, "!") {
			if q == "" {
				return prefix // the .mez root: "ok.mez!", not "ok.mez!/"
			}
			return prefix + "/" + q
		}
		return path.Join(prefix, q)
	}
	files := make([]string, len(p.Files))
	orig := make(map[string]string, len(p.Files))
	for i, f := range p.Files {
		files[i] = show(f)
		orig[files[i]] = f
	}
	read := func(q string) ([]byte, error) {
		if o, ok := orig[q]; ok {
			return s.ReadFile(o)
		}
		return s.ReadFile(q)
	}
	main := ""
	if p.Main != "" {
		main = show(p.Main)
	}
	dir := show(p.Dir)
	if dir == "" {
		dir = "."
	}
	return checks.Load(dir, main, files, read)
}
