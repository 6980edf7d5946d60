package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// buildCommands builds the pqcert commands into a temporary folder.
func buildCommands(t *testing.T, env []string) string {
	t.Helper()
	bin := t.TempDir()
	must(t, moduleRoot(t), env, "go", "build", "-o", bin+"/", "./cmd/...")
	return bin
}

// TestNativeGitHooks installs the plain git hooks (make install-hooks)
// over an existing hook, and commits and pushes through them, also from a
// linked worktree.
func TestNativeGitHooks(t *testing.T) {
	testtool.Need(t, "git", "apt-get install git")
	testtool.Need(t, "go", "install Go")
	home := t.TempDir()
	env := gitEnv(home)
	bin := buildCommands(t, append(env, "GOCACHE="+goEnv(t, "GOCACHE"), "GOMODCACHE="+goEnv(t, "GOMODCACHE")))
	env = append(env, "PQCERT_BIN="+bin)

	repo := t.TempDir()
	must(t, repo, env, "git", "init", "-q", "-b", "main")
	remote := t.TempDir()
	must(t, remote, env, "git", "init", "-q", "--bare", "-b", "main")
	must(t, repo, env, "git", "remote", "add", "origin", remote)

	// A hook the team already had: it must keep running.
	marker := filepath.Join(home, "old-hook-ran")
	old := "#!/bin/sh\necho ran >> " + marker + "\n"
	if err := os.WriteFile(filepath.Join(repo, ".git", "hooks", "pre-commit"), []byte(old), 0o755); err != nil {
		t.Fatal(err)
	}
	// Exactly as the README says: pqcert install-hooks, in the repository.
	out := must(t, repo, env, filepath.Join(bin, "pqcert"), "install-hooks")
	if !strings.Contains(out, "pre-commit.pre-pqcert") || !strings.Contains(out, filepath.Join(repo, ".git", "hooks", "pre-push")) {
		t.Fatalf("install did not keep the existing hook, or did not say where it installed:\n%s", out)
	}

	conn := filepath.Join(repo, "Contoso")
	copyDir(t, filepath.Join(moduleRoot(t), "testdata", "Contoso"), conn)
	pq := filepath.Join(conn, "Contoso.pq")

	// The first push of a new history is checked whole: a root commit that
	// skipped the hooks with tracing on does not get through.
	edit(t, pq, "EnableTraceOutput = false", "EnableTraceOutput = true")
	must(t, repo, env, "git", "add", "-A")
	must(t, repo, env, "git", "commit", "-q", "--no-verify", "-m", "root with tracing on")
	out, err := run(t, repo, env, "git", "push", "-q", "origin", "main")
	if err == nil || !strings.Contains(out, "PQ040") {
		t.Fatalf("first push with tracing on: want it blocked with PQ040, got err=%v\n%s", err, out)
	}
	edit(t, pq, "EnableTraceOutput = true", "EnableTraceOutput = false")
	edit(t, pq, `[Version = "1.0.0"]`, `[Version = "1.0.1"]`)
	must(t, repo, env, "git", "add", "-A")
	must(t, repo, env, "git", "commit", "-q", "-m", "tracing off")
	if b, _ := os.ReadFile(marker); !strings.Contains(string(b), "ran") {
		t.Fatal("the pre-existing pre-commit hook did not run")
	}

	edit(t, pq, `Category = "Other"`, `Category = "Database"`)
	out, err = run(t, repo, env, "git", "commit", "-q", "-am", "no bump")
	if err == nil || !strings.Contains(out, "PQ005") {
		t.Fatalf("unbumped commit -a: want blocked with PQ005, got err=%v\n%s", err, out)
	}

	// From a linked worktree, the hooks read that worktree's index.
	wt := filepath.Join(t.TempDir(), "wt")
	must(t, repo, env, "git", "worktree", "add", "-q", "-b", "feature", wt)
	wpq := filepath.Join(wt, "Contoso", "Contoso.pq")
	edit(t, wpq, "Beta = true", "Beta = false")
	edit(t, wpq, `[Version = "1.0.1"]`, `[Version = "1.0.2"]`)
	out, err = run(t, wt, env, "git", "commit", "-q", "-am", "beta off")
	if err == nil || !strings.Contains(out, "PQ016") {
		t.Fatalf("commit in a linked worktree: want blocked with PQ016, got err=%v\n%s", err, out)
	}

	// pre-push judges the pushed commits, even those that skipped the hook.
	must(t, repo, env, "git", "checkout", "-q", "--", ".")
	must(t, repo, env, "git", "push", "-q", "origin", "main")
	edit(t, pq, "EnableTraceOutput = false", "EnableTraceOutput = true")
	edit(t, pq, `[Version = "1.0.1"]`, `[Version = "1.0.2"]`)
	must(t, repo, env, "git", "commit", "-q", "--no-verify", "-am", "trace on")
	out, err = run(t, repo, env, "git", "push", "-q", "origin", "main")
	if err == nil || !strings.Contains(out, "PQ042") {
		t.Fatalf("push with tracing turned back on: want blocked with PQ042, got err=%v\n%s", err, out)
	}
}

func goEnv(t *testing.T, key string) string {
	t.Helper()
	return strings.TrimSpace(must(t, ".", os.Environ(), "go", "env", key))
}
