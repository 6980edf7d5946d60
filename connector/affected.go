package connector

import (
	"errors"
	"sort"

	"github.com/pqcert/pqcert/snapshot"
)

// Touched is a connector package that a change touches.
type Touched struct {
	Dir    string
	Main   string
	Status string // "added", "modified", "deleted" or "moved"
	OldDir string // for "moved": the folder before
	// Changed lists the packaged files that changed, sorted: paths as they
	// are after the change, or before it for deletions.
	Changed []string
}

// Affected maps a change (from before to after) onto connector packages:
// the ones whose packaged files changed, and the ones added, removed or
// moved. A change to a file that is not packaged (a test query, bin/, a
// README) touches no package. A package moves when its section document
// was renamed into another folder; otherwise a package that disappears from
// one folder and appears in another is one deletion and one addition.
//
// Ambiguous folders (see Discover) are reported in the returned error,
// alongside the packages that could be decided.
func Affected(changes []snapshot.Change, before, after snapshot.Snapshot) ([]Touched, error) {
	bpkgs, berr := Discover(before)
	apkgs, aerr := Discover(after)
	for _, err := range []error{berr, aerr} {
		var amb *AmbiguousError
		if err != nil && !errors.As(err, &amb) {
			return nil, err
		}
	}
	bfile, bdir := index(bpkgs)
	afile, adir := index(apkgs)

	changed := map[string]map[string]bool{} // after-side dir (or before-side for deletions) → paths
	mark := func(dir, p string) {
		if changed[dir] == nil {
			changed[dir] = map[string]bool{}
		}
		changed[dir][p] = true
	}
	moved := map[string]string{} // after dir → before dir
	for _, c := range changes {
		if c.Status == "R" {
			if b, ok := bfile[c.OldPath]; ok && b.Main == c.OldPath {
				if a, ok := afile[c.Path]; ok && a.Main == c.Path && a.Dir != b.Dir && bdir[a.Dir] == nil && adir[b.Dir] == nil {
					moved[a.Dir] = b.Dir
				}
			}
		}
		if a, ok := afile[c.Path]; ok && c.Status != "D" {
			mark(a.Dir, c.Path)
		}
		old := c.Path
		if c.Status == "R" {
			old = c.OldPath
		}
		if b, ok := bfile[old]; ok && (c.Status == "D" || c.Status == "R") {
			if _, stays := adir[b.Dir]; !stays {
				mark("\x00"+b.Dir, old) // a package that no longer exists
			} else if _, ok := afile[c.Path]; !ok || c.Status == "D" {
				mark(b.Dir, old)
			}
		}
	}

	var out []Touched
	movedFrom := map[string]bool{}
	for adirName, bdirName := range moved {
		movedFrom[bdirName] = true
		a := adir[adirName]
		out = append(out, Touched{Dir: a.Dir, Main: a.Main, Status: "moved", OldDir: bdirName, Changed: keys(changed[adirName])})
	}
	for d, a := range adir {
		if _, ok := moved[d]; ok {
			continue
		}
		switch {
		case bdir[d] == nil:
			out = append(out, Touched{Dir: d, Main: a.Main, Status: "added", Changed: keys(changed[d])})
		case len(changed[d]) > 0:
			out = append(out, Touched{Dir: d, Main: a.Main, Status: "modified", Changed: keys(changed[d])})
		}
	}
	for d, b := range bdir {
		if adir[d] == nil && !movedFrom[d] {
			out = append(out, Touched{Dir: d, Main: b.Main, Status: "deleted", Changed: keys(changed["\x00"+d])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out, errors.Join(berr, aerr)
}

// index maps every packaged file and every folder to its package.
func index(pkgs []Package) (map[string]*Package, map[string]*Package) {
	files, dirs := map[string]*Package{}, map[string]*Package{}
	for i := range pkgs {
		p := &pkgs[i]
		dirs[p.Dir] = p
		for _, f := range p.Files {
			files[f] = p
		}
	}
	return files, dirs
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
