package snapshot

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// TestResolveFailureIsNotUnborn: rev-parse exits 1 for a revision that
// names nothing and 128 when it cannot run at all; only the first is an
// unborn HEAD. ("exit status 128" contains "exit status 1": matching the
// text took a broken repository for an empty one.)
func TestResolveFailureIsNotUnborn(t *testing.T) {
	bin := testtool.Need(t, "git", "apt-get install git")
	notRepo := t.TempDir()
	g := &gitCLI{bin: bin, gitDir: notRepo, root: notRepo, indexPath: filepath.Join(notRepo, "index")}
	_, ok, err := g.resolve("HEAD")
	var ee *exec.ExitError
	if ok || err == nil || !errors.As(err, &ee) || ee.ExitCode() != 128 {
		t.Fatalf("resolve in a non-repository = ok %v, %v; want an error wrapping exit status 128", ok, err)
	}
	s := newSandbox(t)
	root := s.repo()
	g.gitDir, g.root, g.indexPath = filepath.Join(root, ".git"), root, filepath.Join(root, ".git", "index")
	if _, ok, err := g.resolve("HEAD"); ok || err != nil {
		t.Fatalf("unborn HEAD: ok %v, %v; want not ok, no error", ok, err)
	}
}

// TestCorruptHead: a HEAD naming a commit the repository does not hold is
// an error naming the commit and calling the repository corrupt, through
// go-git and through the CLI alike; the CLI must not take it for an
// unborn branch.
func TestCorruptHead(t *testing.T) {
	s := newSandbox(t)
	root := s.repo()
	s.commitAll(root, map[string]string{"a.pq": "a\n"})
	const bogus = "1234567890123456789012345678901234567890"
	if err := os.WriteFile(filepath.Join(root, ".git", "refs", "heads", "main"), []byte(bogus+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := open(t, root, root, env{})
	cli := *r
	cli.store = nil
	for name, r := range map[string]*Repo{"default": r, "cli": &cli} {
		_, errStaged := r.Staged()
		_, errCommit := r.Commit("HEAD")
		for what, err := range map[string]error{"Staged": errStaged, "Commit(HEAD)": errCommit} {
			if err == nil || !strings.Contains(err.Error(), bogus) || !strings.Contains(err.Error(), "corrupt") {
				t.Errorf("%s: %s: %v; want an error naming %s and the repository corrupt", name, what, err, bogus)
			}
		}
	}
}
