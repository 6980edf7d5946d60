package snapshot

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// sandbox runs the real git CLI in a temporary, isolated environment: no
// system or user config leaks in, so every test builds the same repository
// on every machine.
type sandbox struct {
	t    *testing.T
	home string
	env  []string
	// hookDiff is what `git diff --cached` printed inside the last
	// hookCommit's hook.
	hookDiff string
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	testtool.Need(t, "git", "apt-get install git")
	home := t.TempDir()
	s := &sandbox{t: t, home: home}
	s.env = append(os.Environ(), "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "XDG_CONFIG_HOME="+home,
		"GIT_AUTHOR_DATE=2020-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2020-01-01T00:00:00Z", "LC_ALL=C")
	// The environment must not carry a repository of its own (tests may
	// run from a hook).
	s.env = slicesDeleteFunc(s.env, func(v string) bool {
		return strings.HasPrefix(v, "GIT_DIR=") || strings.HasPrefix(v, "GIT_WORK_TREE=") || strings.HasPrefix(v, "GIT_INDEX_FILE=")
	})
	os.WriteFile(filepath.Join(home, ".gitconfig"), []byte("[user]\n\tname = T\n\temail = t@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n[protocol \"file\"]\n\tallow = always\n"), 0o644)
	return s
}

func slicesDeleteFunc(s []string, del func(string) bool) []string {
	out := s[:0:0]
	for _, v := range s {
		if !del(v) {
			out = append(out, v)
		}
	}
	return out
}

// git runs git in dir and returns stdout; a failure fails the test.
func (s *sandbox) git(dir string, args ...string) string {
	s.t.Helper()
	out, err := s.gitErr(dir, args...)
	if err != nil {
		s.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (s *sandbox) gitErr(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = s.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out) + stderr.String(), err
	}
	return string(out), nil
}

// repo makes a new repository and returns its root.
func (s *sandbox) repo(args ...string) string {
	dir := filepath.Join(s.t.TempDir(), "repo")
	s.git(s.home, append([]string{"init", "-q"}, append(args, dir)...)...)
	return dir
}

// write creates files (content by path) under dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// commitAll writes files, stages everything and commits.
func (s *sandbox) commitAll(dir string, files map[string]string) {
	s.t.Helper()
	write(s.t, dir, files)
	s.git(dir, "add", "-A")
	s.git(dir, "commit", "-q", "-m", "c")
}

// env is a fake process environment for openRepo.
type env map[string]string

func (e env) get(k string) string { return e[k] }

// open opens the repository as a hook started in cwd with env e would.
func open(t *testing.T, dir, cwd string, e env) *Repo {
	t.Helper()
	r, err := openRepo(dir, cwd, e.get)
	if err != nil {
		t.Fatalf("openRepo(%s): %v", dir, err)
	}
	return r
}

// format renders changes the way `git diff --name-status` does (with
// exact renames only), one per line, sorted.
func format(cs []Change) string {
	var lines []string
	for _, c := range cs {
		if c.Status == "R" {
			lines = append(lines, "R\t"+c.OldPath+"\t"+c.Path)
		} else {
			lines = append(lines, c.Status+"\t"+c.Path)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// parseNameStatus turns `git diff --name-status -z` output into format's
// shape, folding git's "R100" into "R" and repeated lines for one path
// (git prints an unmerged path once per stage) into one.
func parseNameStatus(out string) string {
	f := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	var lines []string
	seen := map[string]bool{}
	for i := 0; i+1 < len(f); {
		st := f[i][:1]
		if st == "R" || st == "C" {
			lines = append(lines, st+"\t"+f[i+1]+"\t"+f[i+2])
			i += 3
			continue
		}
		if !seen[f[i+1]] {
			lines = append(lines, st+"\t"+f[i+1])
			seen[f[i+1]] = true
		}
		i += 2
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// gitStaged is git's own answer for the index at indexFile.
func (s *sandbox) gitStaged(dir string, extraEnv ...string) string {
	s.t.Helper()
	cmd := exec.Command("git", "diff", "--cached", "--name-status", "-z", "-M100%")
	cmd.Dir = dir
	cmd.Env = append(append([]string{}, s.env...), extraEnv...)
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("git diff --cached: %v", err)
	}
	return parseNameStatus(string(out))
}

// verify checks a Repo against git: the staged change (the fast path, and
// Diff of HEAD against the index), the index listing and the content of
// every changed path, each both through pqcert's readers and through the
// git CLI fallback. want is the expected change list in format's shape.
func verify(t *testing.T, s *sandbox, r *Repo, gitDir string, gitEnv []string, want string) {
	t.Helper()
	if got := s.gitStaged(gitDir, gitEnv...); got != want {
		t.Fatalf("test expectation disagrees with git:\ngit:  %q\nwant: %q", got, want)
	}
	for _, backend := range []string{"default", "cli"} {
		r := r
		if backend == "cli" {
			if r.cli == nil {
				t.Fatal("no git CLI")
			}
			cp := *r
			cp.store = nil
			r = &cp
		}
		cs, err := r.Staged()
		if err != nil {
			t.Fatalf("%s: Staged: %v", backend, err)
		}
		if got := format(cs); got != want {
			t.Errorf("%s: Staged:\ngot:  %q\nwant: %q", backend, got, want)
		}
		idx, err := r.Index()
		if err != nil {
			t.Fatalf("%s: Index: %v", backend, err)
		}
		head, err := r.Commit("HEAD")
		if err != nil {
			t.Fatalf("%s: Commit(HEAD): %v", backend, err)
		}
		cs, err = Diff(head, idx)
		if err != nil {
			t.Fatalf("%s: Diff: %v", backend, err)
		}
		if got := format(cs); got != want {
			t.Errorf("%s: Diff(HEAD, index):\ngot:  %q\nwant: %q", backend, got, want)
		}
		checkContent(t, s, backend, idx, head, gitDir, gitEnv, cs)
	}
}

// checkContent compares what the snapshots read with `git cat-file`.
func checkContent(t *testing.T, s *sandbox, backend string, idx, head Snapshot, gitDir string, gitEnv []string, cs []Change) {
	t.Helper()
	for _, c := range cs {
		snap, spec := idx, ":"+c.Path
		if c.Status == "D" {
			snap, spec = head, "HEAD:"+c.Path
		}
		e, ok := snap.Stat(c.Path)
		if !ok {
			t.Errorf("%s: Stat(%q) in %s: missing", backend, c.Path, snap.Name())
			continue
		}
		if e.Mode == ModeGitlink {
			continue
		}
		if c.Status == "U" {
			spec = ":2:" + c.Path
		}
		cmd := exec.Command("git", "cat-file", "blob", spec)
		cmd.Dir = gitDir
		cmd.Env = append(append([]string{}, s.env...), gitEnv...)
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("git cat-file blob %s: %v", spec, err)
		}
		got, err := snap.ReadFile(c.Path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: ReadFile(%q) from %s = %q, %v; git has %q", backend, c.Path, snap.Name(), got, err, want)
		}
	}
}

// mustEqual fails when got and want differ.
func mustEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\ngot:  %#v\nwant: %#v", what, got, want)
	}
}

// gitStdin runs git with input on stdin.
func (s *sandbox) gitStdin(dir, stdin string, args ...string) {
	s.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = s.env
	cmd.Stdin = strings.NewReader(stdin)
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// hookScript captures what a pre-commit hook sees, then aborts the commit
// so the repository stays in its pre-commit state. The index git points the
// hook at is a lock file that disappears with the commit, so it is copied.
const hookScript = `#!/bin/sh
out='%s'
cp "$GIT_INDEX_FILE" "$out/index"
printf '%%s' "$GIT_INDEX_FILE" > "$out/GIT_INDEX_FILE"
printf '%%s' "$GIT_DIR" > "$out/GIT_DIR"
printf '%%s' "$GIT_WORK_TREE" > "$out/GIT_WORK_TREE"
pwd > "$out/cwd"
git diff --cached --name-status -z -M100%% > "$out/diff"
exit 1
`

// hookCommit runs `git commit args...` in dir with a capturing pre-commit
// hook installed in root's repository, and returns the hook's working
// directory and environment, with GIT_INDEX_FILE pointing at the copy.
func (s *sandbox) hookCommit(root, dir string, args ...string) (string, env, []string) {
	s.t.Helper()
	out := s.t.TempDir()
	hooks := filepath.Join(root, ".git", "hooks")
	os.MkdirAll(hooks, 0o755)
	if err := os.WriteFile(filepath.Join(hooks, "pre-commit"), []byte(fmt.Sprintf(hookScript, out)), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if _, err := s.gitErr(dir, append([]string{"commit", "-q", "-m", "x"}, args...)...); err == nil {
		s.t.Fatal("commit succeeded: the hook did not run")
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			s.t.Fatalf("hook did not run: %v", err)
		}
		return strings.TrimSpace(string(b))
	}
	cwd := read("cwd")
	e := env{"GIT_INDEX_FILE": filepath.Join(out, "index")}
	gitEnv := []string{"GIT_INDEX_FILE=" + e["GIT_INDEX_FILE"]}
	for _, k := range []string{"GIT_DIR", "GIT_WORK_TREE"} {
		if v := read(k); v != "" {
			e[k] = v
			gitEnv = append(gitEnv, k+"="+v)
		}
	}
	s.hookDiff = parseNameStatus(read("diff"))
	return cwd, e, gitEnv
}
