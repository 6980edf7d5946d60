package connector

import (
	"path"
	"sort"
	"strings"

	"github.com/pqcert/pqcert/snapshot"
)

// near answers, for one snapshot, what Discover would say about the
// folders it is asked about, reading only those folders (through
// snapshot.ListDir), the subtrees of the packages it is asked to fill in
// (snapshot.ListSubtree), and the candidate documents in them whose names
// do not decide (see judge). Whether a folder is a package depends only
// on the files directly in it, their names and contents, so a change can
// only add, remove or modify packages in the ancestor folders of the paths
// it changes.
type near struct {
	s        snapshot.Snapshot
	verdicts map[string]verdict             // judged folder → what it is
	files    map[string]map[string]struct{} // examined folder → its files that Discover considers
	pkgs     map[string]*Package            // examined package folder → package, Files filled in by fill
}

func newNear(s snapshot.Snapshot) *near {
	return &near{s: s, verdicts: map[string]verdict{}, files: map[string]map[string]struct{}{}, pkgs: map[string]*Package{}}
}

// considered reports whether Discover looks at e at all.
func considered(e snapshot.Entry) bool { return e.Mode != snapshot.ModeGitlink && !excluded(e.Path) }

// examine reads folder d unless it already has.
func (n *near) examine(d string) error {
	if _, ok := n.files[d]; ok {
		return nil
	}
	es, err := snapshot.ListDir(n.s, d)
	if err != nil {
		return err
	}
	files := map[string]struct{}{}
	var kept []snapshot.Entry
	for _, f := range es {
		if considered(f) {
			files[f.Path] = struct{}{}
			kept = append(kept, f)
		}
	}
	v, err := n.judge(d, kept)
	if err != nil {
		return err
	}
	n.files[d] = files
	if v.main != "" {
		n.pkgs[d] = &Package{Dir: d, Main: v.main}
	}
	return nil
}

// judge is judge, once per folder: es are the files directly in d.
func (n *near) judge(d string, es []snapshot.Entry) (verdict, error) {
	if v, ok := n.verdicts[d]; ok {
		return v, nil
	}
	v, err := judge(n.s, es)
	if err != nil {
		return verdict{}, err
	}
	n.verdicts[d] = v
	return v, nil
}

// ambiguous is the examined folders with several section documents.
func (n *near) ambiguous() map[string][]string {
	out := map[string][]string{}
	for d := range n.files {
		if v := n.verdicts[d]; len(v.sections) > 0 {
			out[d] = v.sections
		}
	}
	return out
}

// fileOwner is the package that p is a packaged file of, as Discover's
// index would say; every ancestor folder of p must have been examined.
func (n *near) fileOwner(p string) *Package {
	d := dirOf(p)
	if _, ok := n.files[d][p]; !ok {
		return nil
	}
	for {
		if n.verdicts[d].bound() {
			pkg := n.pkgs[d]
			if pkg != nil && (p == pkg.Main || matchAny(packagedFiles, strings.ToLower(path.Base(p)))) {
				return pkg
			}
			return nil
		}
		if d == "" {
			return nil
		}
		d = parentDir(d)
	}
}

// fill lists pkg's packaged files from its subtree: the files whose
// nearest folder that is a package or ambiguous is pkg's own.
func (n *near) fill(pkg *Package) error {
	if pkg.Files != nil {
		return nil
	}
	es, err := snapshot.ListSubtree(n.s, pkg.Dir)
	if err != nil {
		return err
	}
	direct := candidateFolders(es)
	bound := map[string]bool{pkg.Dir: true}
	for _, d := range sortedKeys(direct) {
		if d == pkg.Dir {
			continue
		}
		v, err := n.judge(d, direct[d])
		if err != nil {
			return err
		}
		bound[d] = v.bound()
	}
	owned := map[string]bool{} // folder → its nearest bound folder is pkg.Dir
	ownedBy := func(d string) bool {
		start := d
		for {
			if v, ok := owned[d]; ok {
				owned[start] = v
				return v
			}
			if bound[d] {
				v := d == pkg.Dir
				owned[start] = v
				return v
			}
			d = parentDir(d)
		}
	}
	files := []string{}
	for _, f := range es {
		if !considered(f) || !ownedBy(dirOf(f.Path)) {
			continue
		}
		if f.Path == pkg.Main || matchAny(packagedFiles, strings.ToLower(path.Base(f.Path))) {
			files = append(files, f.Path)
		}
	}
	sort.Strings(files)
	pkg.Files = files
	return nil
}

// ancestors is every folder holding a changed path, before or after, and
// every folder above them, the root included.
func ancestors(changes []snapshot.Change) []string {
	seen := map[string]bool{}
	add := func(p string) {
		for d := dirOf(p); !seen[d]; d = parentDir(d) {
			seen[d] = true
			if d == "" {
				break
			}
		}
	}
	for _, c := range changes {
		add(c.Path)
		if c.OldPath != "" {
			add(c.OldPath)
		}
	}
	return sortedKeys(seen)
}
