package snapshot

import (
	"os"
	"path/filepath"
	"testing"
)

// flat hides a snapshot's type, so Diff takes its general path: both
// listings merged file by file.
type flat struct{ Snapshot }

// TestDiffCommitsPrunes: Diff of two commits walks their trees together,
// skipping equal subtrees, and answers as comparing the flattened trees
// does and as git does: modified, added and deleted files, whole folders
// added and removed, a file turned folder and back, mode and type
// changes, an exact rename. It must not flatten either tree.
func TestDiffCommitsPrunes(t *testing.T) {
	s := newSandbox(t)
	root := s.repo()
	s.commitAll(root, map[string]string{
		"a.pq": "a\n", "keep/x/y.pq": "same\n", "keep/z.pq": "z\n", "mod/m.pq": "m1\n",
		"gone/g1.pq": "g1\n", "gone/sub/g2.pq": "g2\n", "f": "file then folder\n", "d/inner.pq": "folder then file\n",
		"exe.sh": "x\n", "typ": "t\n", "old/name.pq": "renamed content\n", "a.pq.d/q": "q\n",
	})
	s.git(root, "rm", "-q", "-r", "gone", "f", "d", "typ", "old/name.pq")
	write(t, root, map[string]string{
		"mod/m.pq": "m2\n", "new/n1.pq": "n1\n", "new/deep/n2.pq": "n2\n", "f/now.pq": "now a folder\n",
		"d": "now a file\n", "moved/name.pq": "renamed content\n", "a.pq": "a2\n",
	})
	os.Chmod(filepath.Join(root, "exe.sh"), 0o755)
	if err := os.Symlink("a.pq", filepath.Join(root, "typ")); err != nil {
		t.Skip(err)
	}
	s.git(root, "add", "-A")
	s.git(root, "commit", "-q", "-m", "second")
	r := open(t, root, root, env{})
	before, err := r.Commit("HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	after, err := r.Commit("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Diff(before, after)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*commitSnapshot{before.(*commitSnapshot), after.(*commitSnapshot)} {
		if c.list.entries != nil {
			t.Errorf("%s: Diff flattened the whole tree", c.name)
		}
		if _, ok := c.trees["keep"]; ok {
			t.Errorf("%s: Diff read the unchanged folder keep/", c.name)
		}
	}
	want, err := Diff(flat{before}, flat{after})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "Diff of commits against Diff of listings", got, want)
	mustEqual(t, "Diff of commits against git", format(got),
		parseNameStatus(s.git(root, "diff", "--name-status", "-z", "-M100%", "HEAD~1", "HEAD")))
	if len(got) < 12 {
		t.Errorf("only %d changes: %v", len(got), got)
	}
}
