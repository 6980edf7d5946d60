package connector

import (
	"path"
	"sort"
	"strings"

	"github.com/pqcert/pqcert/snapshot"
)

// near answers, for one snapshot, what Discover would say about the
// folders it is asked about, reading only those folders (through
// snapshot.ListDir) and the subtrees of the packages it is asked to fill
// in (snapshot.ListSubtree). Whether a folder is a package depends only on
// the files directly in it, so a change can only add, remove or modify
// packages in the ancestor folders of the paths it changes.
type near struct {
	s     snapshot.Snapshot
	docs  map[string][]string            // examined folder → its section documents
	files map[string]map[string]struct{} // examined folder → its files that Discover considers
	pkgs  map[string]*Package            // package folder → package, Files filled in by fill
}

func newNear(s snapshot.Snapshot) *near {
	return &near{s: s, docs: map[string][]string{}, files: map[string]map[string]struct{}{}, pkgs: map[string]*Package{}}
}

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
	var docs []string
	for _, f := range es {
		if f.Mode == snapshot.ModeGitlink || excluded(f.Path) {
			continue
		}
		files[f.Path] = struct{}{}
		if isSectionDoc(f.Path) {
			docs = append(docs, f.Path)
		}
	}
	n.files[d] = files
	if len(docs) > 0 {
		n.docs[d] = docs
	}
	if len(docs) == 1 {
		n.pkgs[d] = &Package{Dir: d, Main: docs[0]}
	}
	return nil
}

// ambiguous is the examined folders with several section documents.
func (n *near) ambiguous() map[string][]string {
	out := map[string][]string{}
	for d, docs := range n.docs {
		if len(docs) > 1 {
			out[d] = docs
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
		if docs := n.docs[d]; len(docs) > 0 {
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
// nearest folder with a section document is pkg's own.
func (n *near) fill(pkg *Package) error {
	if pkg.Files != nil {
		return nil
	}
	es, err := snapshot.ListSubtree(n.s, pkg.Dir)
	if err != nil {
		return err
	}
	hasDocs := map[string]bool{pkg.Dir: true}
	for _, f := range es {
		if f.Mode != snapshot.ModeGitlink && !excluded(f.Path) && isSectionDoc(f.Path) {
			hasDocs[dirOf(f.Path)] = true
		}
	}
	owned := map[string]bool{} // folder → its nearest folder with documents is pkg.Dir
	ownedBy := func(d string) bool {
		start := d
		for {
			if v, ok := owned[d]; ok {
				owned[start] = v
				return v
			}
			if hasDocs[d] {
				v := d == pkg.Dir
				owned[start] = v
				return v
			}
			d = parentDir(d)
		}
	}
	files := []string{}
	for _, f := range es {
		if f.Mode == snapshot.ModeGitlink || excluded(f.Path) || !ownedBy(dirOf(f.Path)) {
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
