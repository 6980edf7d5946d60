package hooks

import (
	"errors"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

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
