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
}

// readInput opens the repository (unless paths were given) and computes
// the change: staged by default, or between two refs.
func readInput(m mode) (*input, error) {
	repo, err := snapshot.OpenRepo(".")
	if err != nil {
		var ue *snapshot.UnsupportedError
		if errors.As(err, &ue) {
			return nil, err
		}
		return nil, fmt.Errorf("%v\nnot in a git repository that pqcert can read: pass connector folders, files or .mez packages instead", err)
	}
	in := &input{root: repo.Root()}
	switch {
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
// from .mez packages. A path that is not part of a connector is an error.
func pathTargets(args []string) ([]checks.Target, error) {
	var jobs []loadJob
	seen := map[string]bool{}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or folder", arg)
		}
		var snap snapshot.Snapshot
		prefix := filepath.ToSlash(filepath.Clean(arg))
		only := "" // a single file: check the connector holding it
		switch {
		case !st.IsDir() && strings.EqualFold(filepath.Ext(arg), ".mez"):
			if snap, err = snapshot.OpenMez(arg); err != nil {
				return nil, err
			}
			prefix += "!"
		case st.IsDir():
			if snap, err = snapshot.OpenDir(arg); err != nil {
				return nil, err
			}
		default:
			dir := filepath.Dir(arg)
			if snap, err = snapshot.OpenDir(dir); err != nil {
				return nil, err
			}
			prefix, only = filepath.ToSlash(filepath.Clean(dir)), filepath.Base(arg)
		}
		pkgs, ambiguous, err := discover(snap)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", arg, err)
		}
		found := false
		for _, p := range pkgs {
			if only != "" && !slices.Contains(p.Files, only) {
				continue
			}
			key := prefix + "/" + p.Dir
			found = true
			if !seen[key] {
				seen[key] = true
				jobs = append(jobs, loadJob{snap: snap, pkg: p, prefix: prefix})
			}
		}
		if !found {
			// Named explicitly, an unreadable folder is an error, not a note.
			if docs, ok := ambiguous[""]; ok {
				return nil, fmt.Errorf("%s: holds %d section documents (%s); a connector folder holds exactly one", arg, len(docs), strings.Join(docs, ", "))
			}
			return nil, fmt.Errorf("%s: no connector here (a connector is a folder with one section document, Name.pq)", arg)
		}
	}
	return loadAll(jobs), nil
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
