package snapshot

import (
	"os"
	"testing"
)

// openFDs counts the process's open descriptors (Linux).
func openFDs(t *testing.T) int {
	t.Helper()
	es, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(es)
}

// TestNoDescriptorsHeld: a long-lived caller that opens many folders and
// repositories must not pile up descriptors until the garbage collector
// runs. A folder snapshot holds none between reads; a Repo holds its pack
// files until Close, and stays readable after it.
func TestNoDescriptorsHeld(t *testing.T) {
	s := newSandbox(t)
	root := s.repo()
	s.commitAll(root, base)
	s.git(root, "gc", "-q") // objects in a pack, which odb holds open
	start := openFDs(t)
	var keep []any // reachable, so no finalizer closes anything
	for range 20 {
		d, err := OpenDir(root)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.ReadFile("a.pq"); err != nil {
			t.Fatal(err)
		}
		if _, err := ListDir(d, "dir"); err != nil {
			t.Fatal(err)
		}
		keep = append(keep, d)
	}
	if n := openFDs(t); n != start {
		t.Errorf("20 folder snapshots read: %d descriptors open, %d before", n, start)
	}
	var repos []*Repo
	for range 20 {
		r := open(t, root, root, env{})
		head, err := r.Commit("HEAD")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := head.ReadFile("a.pq"); err != nil {
			t.Fatal(err)
		}
		repos = append(repos, r)
		keep = append(keep, head)
	}
	if openFDs(t) == start {
		t.Log("reading HEAD held no pack open (nothing to close)")
	}
	for _, r := range repos {
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if n := openFDs(t); n != start {
		t.Errorf("20 repositories read and closed: %d descriptors open, %d before", n, start)
	}
	head := keep[len(keep)-1].(Snapshot)
	if b, err := head.ReadFile("a.pq"); err != nil || string(b) != base["a.pq"] {
		t.Errorf("reading after Close: %q, %v", b, err)
	}
	repos[0].Close()
}
