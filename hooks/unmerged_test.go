package hooks

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnmergedPathsExit2: during a merge stopped on conflicts the staged
// checks cannot judge the commit; they exit 2 naming the unmerged paths
// (five, then a count) and saying to resolve them. pqcert changes still
// shows them as U.
func TestUnmergedPathsExit2(t *testing.T) {
	dir := testRepo(t)
	write := func(side string) {
		for i := range 7 {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("notes%d.txt", i)), []byte(side+"\n"), 0o644)
		}
	}
	write("base")
	git(t, "add", "-A")
	git(t, "commit", "-q", "-m", "notes")
	git(t, "checkout", "-q", "-b", "other")
	write("other")
	git(t, "commit", "-q", "-am", "other")
	git(t, "checkout", "-q", "main")
	write("main")
	git(t, "commit", "-q", "-am", "main")
	if out, err := exec.Command("git", "merge", "-q", "other").CombinedOutput(); err == nil {
		t.Fatalf("the merge did not conflict:\n%s", out)
	}

	for _, cmd := range []string{"check-version-bump", "check-no-tracing", "check-certification"} {
		code, out, errOut := runCmd(t, cmd)
		want := cmd + ": unmerged paths: notes0.txt, notes1.txt, notes2.txt, notes3.txt, notes4.txt and 2 more; resolve them first (git add the resolved files)"
		if code != 2 || out != "" || strings.TrimSpace(errOut) != want {
			t.Errorf("%s during a conflicted merge: exit %d, want 2 and\n%s\ngot\n%s%s", cmd, code, want, out, errOut)
		}
	}
	code, out, _ := runCmd(t, "pqcert", "changes")
	if code != 0 || !strings.Contains(out, "U\tnotes6.txt") {
		t.Fatalf("pqcert changes: exit %d, want the unmerged paths as U\n%s", code, out)
	}

	git(t, "add", "-A")
	if code, out, errOut := runCmd(t, "check-certification"); code != 0 {
		t.Fatalf("once resolved: exit %d\n%s%s", code, out, errOut)
	}
}
