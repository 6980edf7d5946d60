// Package e2e runs the pqcert hooks the way partners do: through the real
// pre-commit framework, installed into real git repositories.
package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

const hookConfig = `repos:
  - repo: %s
    rev: %s
    hooks:
      - id: check-version-bump
      - id: check-resx-strings
      - id: check-beta-flag
      - id: check-no-tracing
`

// TestPreCommitFramework installs this checkout's hooks with pre-commit
// (language: golang, so pre-commit builds them with go install) into a
// connector repository, then makes the commits partners make.
func TestPreCommitFramework(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the hooks through pre-commit; skipped with -short")
	}
	testtool.Need(t, "git", "apt-get install git")
	testtool.Need(t, "pre-commit", "apt-get install pre-commit")
	testtool.Need(t, "go", "install Go")

	home := t.TempDir()
	gomodcache := strings.TrimSpace(must(t, ".", os.Environ(), "go", "env", "GOMODCACHE"))
	gocache := strings.TrimSpace(must(t, ".", os.Environ(), "go", "env", "GOCACHE"))
	// Share the module and build caches: pre-commit would otherwise
	// download every module again into its own GOPATH.
	env := gitEnv(home, "GOMODCACHE="+gomodcache, "GOCACHE="+gocache, "GOFLAGS=-buildvcs=false")
	hookRepo, rev := shadowRepo(t, env)

	repo := t.TempDir()
	must(t, repo, env, "git", "init", "-q", "-b", "main")
	remote := t.TempDir()
	must(t, remote, env, "git", "init", "-q", "--bare", "-b", "main")
	must(t, repo, env, "git", "remote", "add", "origin", remote)
	if err := os.WriteFile(filepath.Join(repo, ".pre-commit-config.yaml"), []byte(fmt.Sprintf(hookConfig, hookRepo, rev)), 0o644); err != nil {
		t.Fatal(err)
	}
	must(t, repo, env, "pre-commit", "install", "--install-hooks", "-t", "pre-commit", "-t", "pre-push")

	conn := filepath.Join(repo, "Contoso")
	copyDir(t, filepath.Join(moduleRoot(t), "testdata", "Contoso"), conn)
	pq := filepath.Join(conn, "Contoso.pq")
	resx := filepath.Join(conn, "resources.resx")

	commit := func(args ...string) (string, error) {
		return run(t, repo, env, "git", append([]string{"commit", "-q"}, args...)...)
	}
	mustCommit := func(msg string, args ...string) {
		t.Helper()
		if out, err := commit(append(args, "-m", msg)...); err != nil {
			t.Fatalf("commit %q was blocked:\n%s", msg, out)
		}
	}
	mustBlock := func(msg, finding string, args ...string) {
		t.Helper()
		out, err := commit(append(args, "-m", msg)...)
		if err == nil {
			t.Fatalf("commit %q passed; want it blocked with %s\n%s", msg, finding, out)
		}
		if !strings.Contains(out, finding) {
			t.Fatalf("commit %q blocked, but without %s:\n%s", msg, finding, out)
		}
	}

	// A clean connector passes every hook.
	must(t, repo, env, "git", "add", "-A")
	mustCommit("add Contoso")

	// Tracing switched on: blocked by check-no-tracing.
	edit(t, pq, "EnableTraceOutput = false", "EnableTraceOutput = true")
	edit(t, pq, `[Version = "1.0.0"]`, `[Version = "1.0.1"]`)
	must(t, repo, env, "git", "add", "-A")
	mustBlock("trace", "PQ042")
	edit(t, pq, "EnableTraceOutput = true", "EnableTraceOutput = false")
	must(t, repo, env, "git", "add", "-A")
	mustCommit("1.0.1")

	// A change without a version bump: blocked by check-version-bump.
	edit(t, pq, `Category = "Other"`, `Category = "Database"`)
	must(t, repo, env, "git", "add", "-A")
	mustBlock("no bump", "PQ005")

	// git commit -a is judged on what it commits: the bump is only in the
	// work tree, and the hook must read git's temporary index to see it.
	edit(t, pq, `[Version = "1.0.1"]`, `[Version = "1.0.2"]`)
	mustCommit("bump via -a", "-a")

	// A string key that resources.resx lacks: blocked by check-resx-strings.
	edit(t, pq, `Extension.LoadString("ButtonHelp")`, `Extension.LoadString("ButtonHint")`)
	edit(t, pq, `[Version = "1.0.2"]`, `[Version = "1.0.3"]`)
	must(t, repo, env, "git", "add", "-A")
	mustBlock("missing key", "PQ031")
	edit(t, resx, `<data name="ButtonHelp"`, `<data name="ButtonHint"`)
	must(t, repo, env, "git", "add", "-A")
	mustCommit("rename key")

	// Beta dropped before the first release: blocked by check-beta-flag.
	edit(t, pq, "Beta = true", "Beta = false")
	edit(t, pq, `[Version = "1.0.3"]`, `[Version = "1.0.4"]`)
	mustBlock("beta off", "PQ016", "-a")
	edit(t, pq, "Beta = false", "Beta = true")

	// git commit <path> commits that path only, through a temporary index:
	// a bad change staged in another file is not part of the commit.
	edit(t, resx, "<value>Contoso</value>", "<value>https://contoso.example</value>")
	must(t, repo, env, "git", "add", "Contoso/resources.resx")
	mustCommit("1.0.4", "Contoso/Contoso.pq")
	must(t, repo, env, "git", "checkout", "HEAD", "--", "Contoso/resources.resx")

	// A push is judged by the refs it pushes: a commit that skipped the
	// hooks is caught at pre-push.
	must(t, repo, env, "git", "push", "-q", "origin", "main")
	edit(t, pq, "EnableTraceOutput = false", "EnableTraceOutput = true")
	edit(t, pq, `[Version = "1.0.4"]`, `[Version = "1.0.5"]`)
	must(t, repo, env, "git", "commit", "-q", "--no-verify", "-am", "skip hooks")
	out, err := run(t, repo, env, "git", "push", "-q", "origin", "main")
	if err == nil || !strings.Contains(out, "PQ042") {
		t.Fatalf("push of a commit that turns tracing back on: want it blocked with PQ042, got err=%v\n%s", err, out)
	}
}
