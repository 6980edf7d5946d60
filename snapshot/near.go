package snapshot

import (
	"sort"
	"strings"
)

// DirLister is implemented by snapshots that can list one folder, or one
// folder's subtree, without listing every file: a hook that looks at the
// folders around ten changed paths must not pay for a 200,000-file tree.
// Callers use ListDir and ListSubtree, which fall back to Files.
type DirLister interface {
	// Dir lists the files directly in folder dir ("" for the root), sorted
	// by path; nothing for a folder that does not exist.
	Dir(dir string) ([]Entry, error)
	// Subtree lists the files under folder dir at any depth ("" for
	// everything), sorted by path.
	Subtree(dir string) ([]Entry, error)
}

// ListDir lists the files directly in folder dir of s, sorted by path: the
// entries of Files whose parent folder is dir.
func ListDir(s Snapshot, dir string) ([]Entry, error) {
	if l, ok := s.(DirLister); ok {
		return l.Dir(dir)
	}
	es, err := s.Files()
	if err != nil {
		return nil, err
	}
	return dirOfSorted(es, dir), nil
}

// ListSubtree lists the files under folder dir of s at any depth, sorted
// by path: the entries of Files whose path starts with dir + "/" (all of
// them for "").
func ListSubtree(s Snapshot, dir string) ([]Entry, error) {
	if l, ok := s.(DirLister); ok {
		return l.Subtree(dir)
	}
	es, err := s.Files()
	if err != nil {
		return nil, err
	}
	return subtreeOfSorted(es, dir), nil
}

// prefixRange is the range [lo, hi) of n sorted paths (at(i) is path i)
// that start with prefix: such paths are contiguous in byte order, and end
// before prefix with its final "/" raised to "0".
func prefixRange(n int, at func(int) string, prefix string) (int, int) {
	if prefix == "" {
		return 0, n
	}
	lo := sort.Search(n, func(i int) bool { return at(i) >= prefix })
	limit := prefix[:len(prefix)-1] + "0"
	hi := lo + sort.Search(n-lo, func(i int) bool { return at(lo+i) >= limit })
	return lo, hi
}

// directRange calls visit for the indexes in [lo, hi) whose path, all
// starting with prefix, has no further "/": the direct children. Each
// subfolder's run of paths is skipped with one binary search, so listing
// the root of a monorepo costs its folders, not its files.
func directRange(lo, hi int, at func(int) string, prefix string, visit func(int)) {
	for i := lo; i < hi; {
		p := at(i)
		rest := p[len(prefix):]
		slash := strings.IndexByte(rest, '/')
		if slash < 0 {
			visit(i)
			i++
			continue
		}
		limit := p[:len(prefix)+slash] + "0"
		i += sort.Search(hi-i, func(k int) bool { return at(i+k) >= limit })
	}
}

func dirPrefix(dir string) string {
	if dir == "" {
		return ""
	}
	return dir + "/"
}

// subtreeOfSorted is the run of sorted entries under dir.
func subtreeOfSorted(es []Entry, dir string) []Entry {
	at := func(i int) string { return es[i].Path }
	lo, hi := prefixRange(len(es), at, dirPrefix(dir))
	return es[lo:hi:hi]
}

// dirOfSorted is the sorted entries directly in dir.
func dirOfSorted(es []Entry, dir string) []Entry {
	prefix := dirPrefix(dir)
	at := func(i int) string { return es[i].Path }
	lo, hi := prefixRange(len(es), at, prefix)
	var out []Entry
	directRange(lo, hi, at, prefix, func(i int) { out = append(out, es[i]) })
	return out
}

// The list-backed snapshots (disk walks aside) answer from their listing.

func (l *listing) dir(dir string) ([]Entry, error) {
	es, err := l.files()
	if err != nil {
		return nil, err
	}
	return dirOfSorted(es, dir), nil
}

func (l *listing) subtree(dir string) ([]Entry, error) {
	es, err := l.files()
	if err != nil {
		return nil, err
	}
	return subtreeOfSorted(es, dir), nil
}

func (t *treeSnapshot) Dir(dir string) ([]Entry, error)     { return t.list.dir(dir) }
func (t *treeSnapshot) Subtree(dir string) ([]Entry, error) { return t.list.subtree(dir) }
func (m *mezSnapshot) Dir(dir string) ([]Entry, error)      { return m.list.dir(dir) }
func (m *mezSnapshot) Subtree(dir string) ([]Entry, error)  { return m.list.subtree(dir) }
