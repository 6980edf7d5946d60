package connector

import (
	"errors"
	"sort"

	"github.com/pqcert/pqcert/snapshot"
)

// Touched is a connector package that a change touches.
type Touched struct {
	Dir  string
	Main string
	// Status is "added", "modified", "deleted", "moved", or "ambiguous":
	// a package whose folder now holds several section documents, so it
	// is no connector any more, but nothing was deleted.
	Status string
	OldDir string // for "moved": the folder before
	// Changed lists the packaged files that changed, sorted: paths as they
	// are after the change, or before it for deletions. For "deleted" it
	// lists the files the package had that were deleted, moved or changed
	// (a section document whose header is gone can leave the folder a
	// loose query, no package). For "ambiguous" it lists the changed
	// section documents of the folder and the changed files the package
	// had.
	Changed []string
	// After is the package after the change (nil when deleted or
	// ambiguous), Before
	// the one before it (nil when added; at OldDir when moved), with
	// their packaged files: what Discover would say of those folders.
	After, Before *Package
}

// Impact is what a change does to the connector packages of two
// snapshots, found by looking only at the folders the change touches.
type Impact struct {
	Touched []Touched
	// AmbiguousBefore and AmbiguousAfter are the folders with several
	// section documents among those examined — every folder holding a
	// changed path (Path or OldPath) and every folder above it — before
	// and after the change.
	AmbiguousBefore, AmbiguousAfter map[string][]string
}

// Affected maps a change (from before to after) onto connector packages:
// the ones whose packaged files changed, and the ones added, removed or
// moved. A change to a file that is not packaged (a test query, bin/, a
// README) touches no package. A package moves when its section document
// was renamed into another folder; otherwise a package that disappears from
// one folder and appears in another is one deletion and one addition.
//
// changes must be the whole change from before to after (as Diff or
// Repo.Staged give it): only the folders holding changed paths and their
// ancestors are read, since a package can appear, vanish or change only
// there, so the cost follows the change, not the repository. The result
// is what running Discover on both snapshots would give.
//
// Ambiguous folders (see Discover) among those examined are reported in
// the returned error, alongside the packages that could be decided.
func Affected(changes []snapshot.Change, before, after snapshot.Snapshot) ([]Touched, error) {
	im, err := Analyze(changes, before, after)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, amb := range []map[string][]string{im.AmbiguousBefore, im.AmbiguousAfter} {
		if len(amb) > 0 {
			errs = append(errs, &AmbiguousError{Dirs: amb})
		}
	}
	return im.Touched, errors.Join(errs...)
}

// Analyze is Affected with the ambiguous folders of each side returned
// apart; its error is only for snapshots that cannot be read.
func Analyze(changes []snapshot.Change, before, after snapshot.Snapshot) (*Impact, error) {
	bn, an := newNear(before), newNear(after)
	for _, d := range ancestors(changes) {
		if err := bn.examine(d); err != nil {
			return nil, err
		}
		if err := an.examine(d); err != nil {
			return nil, err
		}
	}
	ambAfter := an.ambiguous()
	out := decide(changes, bn.fileOwner, an.fileOwner, bn.pkgs, an.pkgs, ambAfter)
	for _, t := range out {
		if t.After != nil {
			if err := an.fill(t.After); err != nil {
				return nil, err
			}
		}
		if t.Before != nil {
			if err := bn.fill(t.Before); err != nil {
				return nil, err
			}
		}
	}
	return &Impact{Touched: out, AmbiguousBefore: bn.ambiguous(), AmbiguousAfter: ambAfter}, nil
}

// decide maps the changes onto packages, given each side's packages by
// folder (at least those in every folder holding a changed path or above
// one), the package each changed path is a packaged file of (nil for
// none), and the ambiguous folders after the change (at least those same
// folders).
func decide(changes []snapshot.Change, bowner, aowner func(string) *Package, bdir, adir map[string]*Package, aamb map[string][]string) []Touched {
	bfile := func(p string) (*Package, bool) { pkg := bowner(p); return pkg, pkg != nil }
	afile := func(p string) (*Package, bool) { pkg := aowner(p); return pkg, pkg != nil }

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
			if b, ok := bfile(c.OldPath); ok && b.Main == c.OldPath {
				if a, ok := afile(c.Path); ok && a.Main == c.Path && a.Dir != b.Dir && bdir[a.Dir] == nil && adir[b.Dir] == nil {
					moved[a.Dir] = b.Dir
				}
			}
		}
		if a, ok := afile(c.Path); ok && c.Status != "D" {
			mark(a.Dir, c.Path)
		}
		old := c.Path
		if c.Status == "R" {
			old = c.OldPath
		}
		if b, ok := bfile(old); ok {
			if _, stays := adir[b.Dir]; !stays {
				// A package that no longer exists: this file of it was
				// deleted, moved away, or changed (a section header edited
				// away, say).
				mark("\x00"+b.Dir, old)
			} else if a, ok := afile(c.Path); (c.Status == "D" || c.Status == "R") && (!ok || c.Status == "D" || a.Dir != b.Dir) {
				// Gone from this package: deleted, or moved out of it (into
				// another package or none), which changes what it ships.
				mark(b.Dir, old)
			}
		}
	}

	var out []Touched
	movedFrom := map[string]bool{}
	for adirName, bdirName := range moved {
		movedFrom[bdirName] = true
		a := adir[adirName]
		out = append(out, Touched{Dir: a.Dir, Main: a.Main, Status: "moved", OldDir: bdirName, Changed: keys(changed[adirName]), After: a, Before: bdir[bdirName]})
	}
	for d, a := range adir {
		if _, ok := moved[d]; ok {
			continue
		}
		switch {
		case bdir[d] == nil:
			out = append(out, Touched{Dir: d, Main: a.Main, Status: "added", Changed: keys(changed[d]), After: a})
		case len(changed[d]) > 0:
			out = append(out, Touched{Dir: d, Main: a.Main, Status: "modified", Changed: keys(changed[d]), After: a, Before: bdir[d]})
		}
	}
	for d, b := range bdir {
		if adir[d] != nil || movedFrom[d] {
			continue
		}
		if docs, ok := aamb[d]; ok {
			out = append(out, Touched{Dir: d, Main: b.Main, Status: "ambiguous", Changed: ambiguousChanged(changes, b, docs, bowner), Before: b})
			continue
		}
		out = append(out, Touched{Dir: d, Main: b.Main, Status: "deleted", Changed: keys(changed["\x00"+d]), Before: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out
}

// ambiguousChanged is what changed in the folder of b, which now holds the
// section documents docs: the changed ones among them (what made it
// ambiguous) and the changed paths that were b's packaged files.
func ambiguousChanged(changes []snapshot.Change, b *Package, docs []string, bowner func(string) *Package) []string {
	isDoc := map[string]bool{}
	for _, d := range docs {
		isDoc[d] = true
	}
	set := map[string]bool{}
	for _, c := range changes {
		for _, p := range []string{c.Path, c.OldPath} {
			if p != "" && (isDoc[p] || bowner(p) == b) {
				set[p] = true
			}
		}
	}
	return keys(set)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
