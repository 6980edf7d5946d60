package index

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// realIndex builds a small repository with the git CLI and returns its
// index bytes in the requested version, and `git ls-files -s` for it.
func realIndex(t *testing.T, version string) ([]byte, string) {
	t.Helper()
	testtool.Need(t, "git", "apt-get install git")
	dir := t.TempDir()
	run := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	run("init", "-q")
	for _, p := range []string{"a.pq", "dir/b.pq", "dir/sub/c.pqm", "dir-x.pq", "z z.pq", strings.Repeat("long", 30) + ".pq"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(p), 0o644)
	}
	run("add", "--", ".", ":!dir/sub/c.pqm")
	run("add", "-N", "dir/sub/c.pqm")
	run("update-index", "--index-version", version)
	data, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	return data, run("ls-files", "-s")
}

func TestDecodeMatchesGit(t *testing.T) {
	for _, v := range []string{"2", "3", "4"} {
		data, want := realIndex(t, v)
		idx, err := Decode(data, 20)
		if err != nil {
			t.Fatalf("v%s: %v", v, err)
		}
		var got strings.Builder
		for i, e := range idx.Entries {
			fmt.Fprintf(&got, "%o %x %d\t%s\n", e.Mode, idx.OID(i), e.Stage, idx.Path(i))
			if (idx.Path(i) == "dir/sub/c.pqm") != e.IntentToAdd {
				t.Errorf("v%s: %s: IntentToAdd = %v", v, idx.Path(i), e.IntentToAdd)
			}
		}
		if got.String() != want {
			t.Errorf("v%s:\ngot:\n%s\nwant:\n%s", v, got.String(), want)
		}
	}
}

// TestDecodeCorrupt feeds every truncation and single-byte corruption of a
// real index to Decode: it may fail, never panic.
func TestDecodeCorrupt(t *testing.T) {
	for _, v := range []string{"2", "4"} {
		data, _ := realIndex(t, v)
		for n := range len(data) {
			Decode(append([]byte{}, data[:n]...), 20)
			c := append([]byte{}, data...)
			c[n] ^= 0xff
			Decode(c, 20)
		}
	}
}
