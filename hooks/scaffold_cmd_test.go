package hooks

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The end-to-end tests run the real commands, built once per test binary,
// from a git pre-commit hook.
var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func commandsBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "pqcert-bin-"); binErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", binDir+string(filepath.Separator), "./cmd/...")
		cmd.Dir = repoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = &buildError{err, string(out)}
		}
	})
	if binErr != nil {
		t.Fatalf("building the commands: %v", binErr)
	}
	return binDir
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// emptyRepo makes a fresh git repository the working directory.
func emptyRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, k := range []string{"GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Chdir(dir)
	git(t, "init", "-q", "-b", "main")
	git(t, "config", "user.name", "Test")
	git(t, "config", "user.email", "test@example.com")
	return dir
}

// preCommitHook runs the four hooks as the pre-commit framework would, but
// as a plain git hook (the framework's own end-to-end test lives elsewhere).
const preCommitHook = `#!/bin/sh
set -e
check-version-bump
check-resx-strings
check-beta-flag
check-no-tracing
`

// TestScaffoldPassesEveryCheck is the evidence: for every --auth
// choice (and all of them at once, and a fixed --url), the scaffold commits
// through the hooks, check-certification --strict --all reports nothing, and
// Microsoft's M parser accepts every generated M file.
func TestScaffoldPassesEveryCheck(t *testing.T) {
	bin := commandsBin(t)
	cases := map[string][]string{
		"Anonymous":        {"--auth", "Anonymous"},
		"Key":              {"--auth", "Key"},
		"UsernamePassword": {"--auth", "UsernamePassword"},
		"Windows":          {"--auth", "Windows"},
		"OAuth":            {"--auth", "OAuth"},
		"Aad":              {"--auth", "Aad"},
		"All":              {"--auth", "OAuth,Aad,Key", "--auth", "UsernamePassword", "--auth", "Windows", "--auth", "Anonymous"},
		"FixedURL":         {"--auth", "Key", "--auth", "OAuth", "--auth", "Aad", "--url", "https://data.tailspin.example.com/v2", "--category", "Online Services", "--function", "Feed", "--learn-more-url", "https://tailspin.example.com/docs"},
	}
	for name, flags := range cases {
		t.Run(name, func(t *testing.T) {
			dir := emptyRepo(t)
			t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
			if err := os.WriteFile(hook, []byte(preCommitHook), 0o755); err != nil {
				t.Fatal(err)
			}
			if code, out, errOut := runCmd(t, "scaffold-connector", append(flags, "Contoso")...); code != 0 {
				t.Fatalf("scaffold-connector exit %d\n%s%s", code, out, errOut)
			}
			git(t, "add", "-A")
			if out, err := exec.Command("git", "commit", "-q", "-m", "scaffold Contoso").CombinedOutput(); err != nil {
				t.Fatalf("git commit through the hooks: %v\n%s", err, out)
			}
			cmd := exec.Command(filepath.Join(bin, "check-certification"), "--strict", "--all")
			out, err := cmd.CombinedOutput()
			if err != nil || len(out) != 0 {
				t.Errorf("check-certification --strict --all: %v, want exit 0 and no output; got:\n%s", err, out)
			}
			pqrefAccepts(t, filepath.Join(dir, "Contoso"))
		})
	}
}

// pqrefAccepts runs the reference M parser ($PQREF, ../shared/tools/pqref
// or /tmp/pqref, where .ci/run sets it up) over every M file in dir. On a
// developer's machine without node or the harness it only says so; under
// CI=true that is a failure.
func pqrefAccepts(t *testing.T, dir string) {
	t.Helper()
	ref := ""
	for _, d := range []string{os.Getenv("PQREF"), filepath.Join(repoRoot(), "..", "shared", "tools", "pqref"), "/tmp/pqref"} {
		if d != "" {
			if _, err := os.Stat(filepath.Join(d, "node_modules")); err == nil {
				ref = d
				break
			}
		}
	}
	_, nodeErr := exec.LookPath("node")
	if ref == "" || nodeErr != nil {
		msg := "node or the reference parser is not set up (see .ci/run: copy ../shared/tools/pqref to /tmp/pqref and run its setup.sh): M files not checked against it"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Log(msg)
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pq"))
	if len(files) != 2 {
		t.Fatalf("expected the section document and a test query, found %v", files)
	}
	out, err := exec.Command("node", append([]string{filepath.Join(ref, "pqref.js"), "--no-summary"}, files...)...).Output()
	if err != nil {
		t.Errorf("pqref: %v\n%s", err, out)
	}
	seen := 0
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		var rec struct {
			File  string `json:"file"`
			OK    bool   `json:"ok"`
			Kind  string `json:"kind"`
			Error string `json:"error"`
			Line  int    `json:"line"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("pqref output: %v: %s", err, sc.Text())
		}
		seen++
		want := "section"
		if strings.HasSuffix(rec.File, ".query.pq") {
			want = "expression"
		}
		if !rec.OK || rec.Kind != want {
			t.Errorf("pqref rejects %s (kind %q, want %q): line %d: %s", rec.File, rec.Kind, want, rec.Line, rec.Error)
		}
	}
	if seen != len(files) {
		t.Errorf("pqref reported %d files, want %d", seen, len(files))
	}
}

// TestScaffoldRefusedName: a refused name exits 2, names the word, suggests
// a name and writes nothing at all.
func TestScaffoldRefusedName(t *testing.T) {
	cases := map[string][]string{
		"ContosoConnector": {`"Connector"`, `try "Contoso"`},
		"ContosoAPI":       {`"API"`, `try "Contoso"`},
		"PowerBISales":     {`"Power BI"`, `try "Sales"`},
		"FabricLake":       {`"Fabric"`, `try "Lake"`},
		"Contoso Sales":    {"not a valid M identifier", `try "ContosoSales"`},
		"let":              {"M keyword"},
	}
	for name, want := range cases {
		dir := t.TempDir()
		// A bad flag value too: the name is still what is reported.
		code, out, errOut := runCmd(t, "scaffold-connector", "--dir", dir, "--url", "http://plain.example.com", name)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", name, code)
		}
		for _, w := range want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: stderr %q lacks %q", name, errOut, w)
			}
		}
		if out != "" {
			t.Errorf("%s: stdout %q, want nothing", name, out)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 0 {
			t.Errorf("%s: wrote %d entries into --dir, want none", name, len(ents))
		}
	}
}

func TestScaffoldRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--url", "http://contoso.example.com", "Contoso"},
		{"--url", "https://user:pw@contoso.example.com", "Contoso"},
		{"--auth", "Kerberos", "Contoso"},
		{"--function", "GetAPI", "Contoso"},
		{},
	} {
		dir := t.TempDir()
		code, _, errOut := runCmd(t, "scaffold-connector", append([]string{"--dir", dir}, args...)...)
		if code != 2 || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 0 {
			t.Errorf("%q: wrote %d entries, want none", args, len(ents))
		}
	}
}

// TestScaffoldNeverOverwrites: an existing folder is refused without
// --force; with it, the scaffold's files are rewritten and the user's kept;
// existing repository files are never touched.
func TestScaffoldNeverOverwrites(t *testing.T) {
	dir := emptyRepo(t)
	if err := os.WriteFile("Makefile", []byte("all:\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "scaffold-connector", "Contoso"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile("Makefile"); string(b) != "all:\n" {
		t.Errorf("the existing Makefile was changed: %q", b)
	}
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	mine := filepath.Join(dir, "Contoso", "notes.txt")
	if err := os.WriteFile(pq, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "scaffold-connector", "Contoso")
	if code != 2 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second run: exit %d, stderr %q; want 2 and 'already exists'", code, errOut)
	}
	if b, _ := os.ReadFile(pq); string(b) != "edited" {
		t.Error("a refused run changed Contoso.pq")
	}
	if code, out, errOut := runCmd(t, "scaffold-connector", "--force", "Contoso"); code != 0 {
		t.Fatalf("--force: exit %d\n%s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(pq); !strings.Contains(string(b), "section Contoso;") {
		t.Error("--force did not rewrite Contoso.pq")
	}
	if b, _ := os.ReadFile(mine); string(b) != "mine" {
		t.Error("--force lost a file the scaffold does not own")
	}
	assertNoTempLeft(t, dir)
}

func assertNoTempLeft(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".*.scaffold-*"))
	if len(left) != 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}
