// Package connector finds Power Query connector packages in a snapshot and
// tells which of them a change touches.
//
// A connector package is a folder holding exactly one section document
// (*.pq, or legacy *.m) that is not a test query (*.query.pq); a section
// document is told by its content, not its name: a file that starts with
// `section` (after comments and one attribute record). Other *.pq files
// beside it are loose queries (expression documents), which are not
// packaged, and a folder of loose queries alone is no connector. A folder
// with no section document but a single candidate and packaged files
// beside it (*.pqm, resources.resx, icons) is a connector too, with a
// broken header that its checks report.
//
// A package's packaged files — the ones that go into the .mez and so need
// a version bump when they change — are its main document, its *.pqm
// modules, resources.resx, resources.<culture>.resx and *.png icons.
//
// Subfolders count: real connectors keep modules and icons in folders such
// as "lib/" or "Images/", and the SDK packs them. Two kinds of subfolder do
// not: build and tool folders (bin/, obj/, .vs/, .vscode/, node_modules/,
// docs/), and a subfolder that is itself a connector package, which owns
// its own files.
package connector

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/pqcert/pqcert/snapshot"
)

// Package is one connector package.
type Package struct {
	Dir   string   // folder, "/"-separated, "" for the snapshot root
	Main  string   // the section document's path
	Files []string // packaged files, sorted, Main included
}

// AmbiguousError lists folders with more than one section document:
// pqcert will not guess which one is the connector.
type AmbiguousError struct {
	Dirs map[string][]string // folder → its section documents
}

func (e *AmbiguousError) Error() string {
	var parts []string
	for _, d := range sortedKeys(e.Dirs) {
		parts = append(parts, fmt.Sprintf("%q holds %d section documents (%s)", displayDir(d), len(e.Dirs[d]), strings.Join(e.Dirs[d], ", ")))
	}
	return "ambiguous connector folders: " + strings.Join(parts, "; ")
}

func displayDir(d string) string {
	if d == "" {
		return "."
	}
	return d
}

// Patterns, matched with doublestar.Match against "/"-separated,
// lower-cased paths.
var (
	excludedDirs  = []string{"**/bin/**", "**/obj/**", "**/.vs/**", "**/.vscode/**", "**/node_modules/**", "**/docs/**"}
	sectionDocs   = []string{"*.pq", "*.m"}
	testQueries   = []string{"*.query.pq", "*.query.m"}
	packagedFiles = []string{"*.pqm", "resources.resx", "resources.*.resx", "*.png"}
)

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := doublestar.Match(p, name); ok {
			return true
		}
	}
	return false
}

func excluded(p string) bool { return matchAny(excludedDirs, strings.ToLower(p)) }

// IsSectionDocument reports whether a file name is that of a candidate
// section document (Name.pq or legacy Name.m, not a test query). The name
// only makes it a candidate: whether it is a section document is a matter
// of content (IsSectionSource), and a folder of loose queries is no
// connector.
func IsSectionDocument(p string) bool { return isSectionDoc(p) }

// isSectionDoc reports whether p names a candidate section document.
func isSectionDoc(p string) bool {
	base := strings.ToLower(path.Base(p))
	return matchAny(sectionDocs, base) && !matchAny(testQueries, base)
}

// Discover finds the connector packages in s, sorted by folder (see judge
// for what makes a folder one: it reads the candidate documents whose
// names do not decide). Folders with two or more section documents are
// not packages; they come back in an *AmbiguousError alongside the
// packages that were found, so one confusing folder does not hide the
// others.
func Discover(s snapshot.Snapshot) ([]Package, error) {
	files, err := s.Files()
	if err != nil {
		return nil, err
	}
	direct := candidateFolders(files)
	byDir := map[string]*Package{}
	amb := &AmbiguousError{Dirs: map[string][]string{}}
	for _, d := range sortedKeys(direct) {
		v, err := judge(s, direct[d])
		if err != nil {
			return nil, err
		}
		switch {
		case v.main != "":
			byDir[d] = &Package{Dir: d, Main: v.main}
		case len(v.sections) > 0:
			amb.Dirs[d] = v.sections
		}
	}
	for _, f := range files {
		if !considered(f) {
			continue
		}
		pkg := owner(byDir, amb.Dirs, f.Path)
		if pkg != nil && (f.Path == pkg.Main || matchAny(packagedFiles, strings.ToLower(path.Base(f.Path)))) {
			pkg.Files = append(pkg.Files, f.Path)
		}
	}
	out := make([]Package, 0, len(byDir))
	for _, d := range sortedKeys(byDir) {
		sort.Strings(byDir[d].Files)
		out = append(out, *byDir[d])
	}
	if len(amb.Dirs) > 0 {
		return out, amb
	}
	return out, nil
}

// candidateFolders groups the files that Discover considers by folder,
// for the folders that hold a candidate section document: what judge
// needs to decide them.
func candidateFolders(es []snapshot.Entry) map[string][]snapshot.Entry {
	direct := map[string][]snapshot.Entry{}
	for _, f := range es {
		if considered(f) && isSectionDoc(f.Path) {
			direct[dirOf(f.Path)] = nil
		}
	}
	for _, f := range es {
		if d := dirOf(f.Path); considered(f) {
			if kept, ok := direct[d]; ok {
				direct[d] = append(kept, f)
			}
		}
	}
	return direct
}

// owner is the package whose folder is the nearest ancestor of p; nil when
// that nearest folder is ambiguous or there is none.
func owner(byDir map[string]*Package, ambiguous map[string][]string, p string) *Package {
	for d := dirOf(p); ; d = parentDir(d) {
		if pkg, ok := byDir[d]; ok {
			return pkg
		}
		if _, ok := ambiguous[d]; ok || d == "" {
			return nil
		}
	}
}

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

func parentDir(d string) string { return dirOf(d) }

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
