package hooks

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// blockedCommitAll changes Contoso.pq without raising its version and runs
// `git commit -a` through a pre-commit hook that blocks it: git drops the
// temporary index it handed the hook, so nothing is staged afterwards and
// the change is only in the working tree.
func blockedCommitAll(t *testing.T, dir string) string {
	t.Helper()
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	replaceIn(t, pq, `Category = "Other"`, `Category = "Database"`)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "commit", "-q", "-am", "blocked").CombinedOutput(); err == nil {
		t.Fatalf("git commit -a was not blocked:\n%s", out)
	}
	if out := git(t, "diff", "--cached", "--name-only"); out != "" {
		t.Fatalf("something is staged after the blocked commit: %s", out)
	}
	return pq
}

// diskVersion is the version of the section document pq on disk.
func diskVersion(t *testing.T, pq string) string {
	t.Helper()
	b, err := os.ReadFile(pq)
	if err != nil {
		t.Fatal(err)
	}
	_, v, _ := strings.Cut(string(b), `[Version = "`)
	v, _, _ = strings.Cut(v, `"`)
	return v
}

// TestFixAfterBlockedCommitAll: with nothing staged, --fix raises the
// version for the changes in the working tree and says so.
func TestFixAfterBlockedCommitAll(t *testing.T) {
	dir := testRepo(t)
	pq := blockedCommitAll(t, dir)

	if code, out, errOut := runCmd(t, "check-version-bump"); code != 0 || out != "" || errOut != "" {
		t.Fatalf("without --fix, nothing staged: exit %d, want 0 and silence\n%s%s", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "pqcert", "changes"); code != 0 || strings.TrimSpace(out) != "no changes" {
		t.Fatalf("pqcert changes: exit %d, want 0 and no changes (the index is compared)\n%s", code, out)
	}
	code, out, errOut := runCmd(t, "check-version-bump", "--fix")
	if code != 1 || !strings.Contains(out, "PQ005") ||
		!strings.Contains(errOut, "1.0.0 → 1.0.1") ||
		!strings.Contains(errOut, "check-version-bump: nothing staged: raised the version in the working tree for the changes there; git add them") {
		t.Fatalf("--fix with nothing staged: exit %d, want 1, PQ005 and the raise\n%s%s", code, out, errOut)
	}
	if v := diskVersion(t, pq); v != "1.0.1" {
		t.Fatalf("the working tree has version %q, want 1.0.1", v)
	}
	// Again: the working tree has the raise; nothing more is written.
	code, _, errOut = runCmd(t, "check-version-bump", "--fix")
	if v := diskVersion(t, pq); code != 0 || !strings.Contains(errOut, "need no version raise; git add them") || v != "1.0.1" {
		t.Fatalf("--fix again: exit %d and version %q, want 0 and 1.0.1\n%s", code, v, errOut)
	}
	stagedPasses(t)
}

// stagedPasses stages everything and wants check-version-bump to pass.
func stagedPasses(t *testing.T) {
	t.Helper()
	git(t, "add", "-A")
	if code, out, errOut := runCmd(t, "check-version-bump"); code != 0 {
		t.Fatalf("after git add: exit %d\n%s%s", code, out, errOut)
	}
}

// TestFixInAHookKeepsToTheIndex: in a commit hook (GIT_INDEX_FILE set),
// what is not staged is not part of the commit, so --fix does not read
// the working tree.
func TestFixInAHookKeepsToTheIndex(t *testing.T) {
	dir := testRepo(t)
	pq := blockedCommitAll(t, dir)
	t.Setenv("GIT_INDEX_FILE", filepath.Join(dir, ".git", "index"))
	if code, out, errOut := runCmd(t, "check-version-bump", "--fix"); code != 0 || out != "" || errOut != "" {
		t.Fatalf("--fix in a hook with nothing staged: exit %d, want 0 and silence\n%s%s", code, out, errOut)
	}
	if v := diskVersion(t, pq); v != "1.0.0" {
		t.Fatalf("the working tree has version %q, want 1.0.0 still", v)
	}
}

// TestFixIgnoresLineEndings: a file that differs from HEAD only by CRLF
// (core.autocrlf on disk) is not a change that needs a raise.
func TestFixIgnoresLineEndings(t *testing.T) {
	dir := testRepo(t)
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	b, err := os.ReadFile(pq)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(pq, bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), 0o644)
	code, out, errOut := runCmd(t, "check-version-bump", "--fix")
	if code != 0 || out != "" || !strings.Contains(errOut, "the working tree changes no connector: nothing to raise") {
		t.Fatalf("CRLF only: exit %d, want 0 and nothing raised\n%s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(pq); !bytes.HasPrefix(b, []byte("[Version = \"1.0.0\"]\r\n")) {
		t.Fatalf("the file was rewritten:\n%.40q", b)
	}
}

// TestFixWithPathsRefused: paths give no change to compare with, so --fix
// could only do nothing; it says so and exits 2.
func TestFixWithPathsRefused(t *testing.T) {
	testRepo(t)
	code, out, errOut := runCmd(t, "check-version-bump", "--fix", "Contoso")
	if code != 2 || out != "" || !strings.Contains(errOut, "paths give no change to compare with") {
		t.Fatalf("--fix with a path: exit %d, want 2 and why\n%s%s", code, out, errOut)
	}
}
