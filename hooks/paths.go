package hooks

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

// pathTargets loads the connectors named by path arguments, from disk or
// from .mez packages. Inside a repository, paths are shown relative to its
// root (as in every other mode); root is "" outside one. A path that is not
// part of a connector is an error.
func pathTargets(args []string, root string) (targets []checks.Target, err error) {
	var jobs []loadJob
	seen := map[string]bool{}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or folder", arg)
		}
		var job *loadJob
		var pkgs []loadJob
		switch {
		case !st.IsDir() && strings.EqualFold(filepath.Ext(arg), ".mez"):
			snap, err := snapshot.OpenMez(arg)
			if err != nil {
				return nil, err
			}
			pkgs, err = folderJobs(arg, snap, displayPath(root, arg)+"!")
			if err != nil {
				return nil, err
			}
		case st.IsDir():
			snap, err := snapshot.OpenDir(arg)
			if err != nil {
				return nil, err
			}
			if pkgs, err = folderJobs(arg, snap, displayPath(root, arg)); err != nil {
				return nil, err
			}
		default:
			if job, err = fileJob(arg, root); err != nil {
				return nil, err
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
	return loadAll(jobs), nil
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
