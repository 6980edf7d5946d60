package hooks

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
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
	// problems are connectors that could not be checked (a folder with two
	// section documents); they are reported after the findings of the rest.
	problems []error
	before   snapshot.Snapshot
	after    snapshot.Snapshot
	changes  []snapshot.Change
	touched  []connector.Touched
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
	// An ambiguous folder is not fatal here: targets reports it, and the
	// connectors that could be decided are still touched.
	var amb *connector.AmbiguousError
	if in.touched, err = connector.Affected(in.changes, in.before, in.after); err != nil && !errors.As(err, &amb) {
		return nil, err
	}
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
// touches (a deleted connector needs nothing).
func (in *input) targets(all bool) ([]checks.Target, error) {
	afterPkgs, err := discover(in.after, &in.problems)
	if err != nil {
		return nil, err
	}
	var beforePkgs []connector.Package
	if len(in.touched) > 0 {
		var ignored []error // what was ambiguous before the change is no longer the user's problem
		if beforePkgs, err = discover(in.before, &ignored); err != nil {
			return nil, err
		}
	}
	touched := make(map[string]connector.Touched, len(in.touched))
	for _, t := range in.touched {
		touched[t.Dir] = t
	}
	var jobs []loadJob
	for _, p := range afterPkgs {
		t, ok := touched[p.Dir]
		if !ok && !all {
			continue
		}
		j := loadJob{snap: in.after, pkg: p}
		if ok && t.Status != "added" {
			old := t.Dir
			if t.OldDir != "" {
				old = t.OldDir
			}
			for i := range beforePkgs {
				if beforePkgs[i].Dir == old {
					j.beforeSnap, j.beforePkg = in.before, &beforePkgs[i]
				}
			}
		}
		jobs = append(jobs, j)
	}
	return loadAll(jobs), nil
}

// discover finds the connector packages of a snapshot. A folder with two
// section documents is not guessed at: it is added to problems and the
// other connectors are still checked.
func discover(s snapshot.Snapshot, problems *[]error) ([]connector.Package, error) {
	pkgs, err := connector.Discover(s)
	var amb *connector.AmbiguousError
	if errors.As(err, &amb) {
		*problems = append(*problems, fmt.Errorf("%v: those folders were not checked; keep one section document (Name.pq) per connector folder", err))
		return pkgs, nil
	}
	return pkgs, err
}

// pathTargets loads the connectors named by path arguments, from disk or
// from .mez packages. A path that is not part of a connector is an error.
func pathTargets(args []string, problems *[]error) ([]checks.Target, error) {
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
		pkgs, err := discover(snap, problems)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", arg, err)
		}
		found := false
		for _, p := range pkgs {
			if only != "" && !contains(p.Files, only) && p.Dir != "." {
				continue
			}
			key := prefix + "/" + p.Dir
			if seen[key] {
				found = true
				continue
			}
			seen[key], found = true, true
			jobs = append(jobs, loadJob{snap: snap, pkg: p, prefix: prefix})
		}
		if !found && len(*problems) == 0 {
			return nil, fmt.Errorf("%s: no connector here (a connector is a folder with one section document, Name.pq)", arg)
		}
	}
	return loadAll(jobs), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s || path.Base(x) == s {
			return true
		}
	}
	return false
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
