package hooks

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// repoRoot is the pqcert checkout.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(file))
}

// runCmd runs a command in-process, as main would, and returns its exit
// code, stdout and stderr.
func runCmd(t *testing.T, name string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(name, append([]string{name}, args...), Streams{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut})
	return code, out.String(), errOut.String()
}

// testRepo makes a git repository holding the Contoso connector, committed,
// and makes it the working directory.
func testRepo(t *testing.T) string {
	t.Helper()
	dir := newRepo(t)
	copyTree(t, filepath.Join(repoRoot(), "testdata", "Contoso"), filepath.Join(dir, "Contoso"))
	git(t, "add", "-A")
	git(t, "commit", "-q", "-m", "add Contoso")
	return dir
}

// newRepo makes an empty git repository, isolated from the user's and the
// system's git configuration and from the git and pre-commit variables of
// the environment, and makes it the working directory. Without git the
// test is skipped (failed in CI).
func newRepo(t *testing.T) string {
	t.Helper()
	testtool.Need(t, "git", "apt-get install git")
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	unsetGitEnv(t)
	t.Chdir(dir)
	git(t, "init", "-q", "-b", "main")
	git(t, "config", "user.name", "Test")
	git(t, "config", "user.email", "test@example.com")
	return dir
}

// unsetGitEnv unsets, for the test, the variables with which git and
// pre-commit tell a hook what to read, so that tests run from a hook read
// their own repository.
func unsetGitEnv(tb testing.TB) {
	for _, k := range []string{"GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF", "PRE_COMMIT_REMOTE_NAME", "PRE_COMMIT_LOCAL_BRANCH"} {
		tb.Setenv(k, "")
		os.Unsetenv(k)
	}
}

func git(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			copyTree(t, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s lacks %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestStagedCleanConnectorPasses(t *testing.T) {
	testRepo(t)
	for _, cmd := range []string{"check-version-bump", "check-resx-strings", "check-beta-flag", "check-no-tracing"} {
		code, out, errOut := runCmd(t, cmd, "--all")
		if code != 0 || out != "" {
			t.Errorf("%s --all on the clean connector: exit %d\n%s%s", cmd, code, out, errOut)
		}
	}
}

func TestVersionBumpStagedAndFix(t *testing.T) {
	dir := testRepo(t)
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	replaceIn(t, pq, `Category = "Other"`, `Category = "Database"`)
	git(t, "add", "-A")

	code, out, _ := runCmd(t, "check-version-bump")
	if code != 1 || !strings.Contains(out, "Contoso/Contoso.pq:1:") || !strings.Contains(out, "[PQ005 version-not-bumped]") {
		t.Fatalf("unbumped change: exit %d, want 1 with PQ005 at Contoso/Contoso.pq:1\n%s", code, out)
	}

	code, out, errOut := runCmd(t, "check-version-bump", "--fix")
	if code != 1 || !strings.Contains(errOut, "1.0.0 → 1.0.1") {
		t.Fatalf("--fix: exit %d, want 1 and a note of the raise\n%s%s", code, out, errOut)
	}
	if v := diskVersion(t, pq); v != "1.0.1" {
		t.Fatalf("--fix left version %q in the work tree, want 1.0.1", v)
	}
	// The index still holds the old version until the user stages the fix.
	if code, _, _ := runCmd(t, "check-version-bump"); code != 1 {
		t.Fatalf("before staging the fix: exit %d, want 1", code)
	}
	// Run again before staging: the raise is there already, not raised twice.
	code, _, errOut = runCmd(t, "check-version-bump", "--fix")
	if v := diskVersion(t, pq); code != 1 || !strings.Contains(errOut, "already has version 1.0.1") || v != "1.0.1" {
		t.Fatalf("--fix again: exit %d, version %q\n%s", code, v, errOut)
	}
	stagedPasses(t)
}

func TestJSONOutputShape(t *testing.T) {
	dir := testRepo(t)
	replaceIn(t, filepath.Join(dir, "Contoso", "Contoso.pq"), "EnableTraceOutput = false", "EnableTraceOutput = true")
	git(t, "add", "-A")
	code, out, _ := runCmd(t, "check-no-tracing", "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	var got struct {
		Diagnostics []map[string]any `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got.Diagnostics) == 0 {
		t.Fatal("no diagnostics")
	}
	d := got.Diagnostics[0]
	for _, k := range []string{"rule", "name", "severity", "file", "line", "column", "endLine", "endColumn", "message", "connector"} {
		if _, ok := d[k]; !ok {
			t.Errorf("diagnostic lacks %q: %v", k, d)
		}
	}
	// Tracing turned back on: PQ042 says so, and PQ040 does not repeat it.
	if len(got.Diagnostics) != 1 || d["rule"] != "PQ042" || d["file"] != "Contoso/Contoso.pq" || d["connector"] != "Contoso" {
		t.Errorf("got %v, want only PQ042 in Contoso/Contoso.pq", got.Diagnostics)
	}
}

func TestRefsMode(t *testing.T) {
	dir := testRepo(t)
	replaceIn(t, filepath.Join(dir, "Contoso", "Contoso.pq"), "EnableTraceOutput = false", "EnableTraceOutput = true")
	git(t, "commit", "-q", "-am", "trace on")
	code, out, _ := runCmd(t, "check-no-tracing", "--from-ref", "HEAD~1", "--to-ref", "HEAD")
	if code != 1 || strings.Contains(out, "PQ040") || !strings.Contains(out, "PQ042") {
		t.Fatalf("refs mode: exit %d, want PQ042 (and not PQ040 again)\n%s", code, out)
	}
	t.Setenv("PRE_COMMIT_FROM_REF", "HEAD~1")
	t.Setenv("PRE_COMMIT_TO_REF", "HEAD")
	if code, out, _ := runCmd(t, "check-no-tracing"); code != 1 || !strings.Contains(out, "PQ042") {
		t.Fatalf("refs from PRE_COMMIT_*: exit %d\n%s", code, out)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	testRepo(t)
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"--format", "xml"},
		{"--color", "sometimes"},
		{"--from-ref", "HEAD"},
		{"--from-ref", "no-such-ref", "--to-ref", "HEAD"},
		{"no/such/path"},
	} {
		code, out, errOut := runCmd(t, "check-certification", args...)
		if code != 2 || errOut == "" {
			t.Errorf("check-certification %v: exit %d, want 2 with a message\n%s%s", args, code, out, errOut)
		}
	}
}

func TestOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("GIT_DIR", "")
	os.Unsetenv("GIT_DIR")
	code, _, errOut := runCmd(t, "check-beta-flag")
	if code != 2 || !strings.Contains(errOut, "pass their folders, files or .mez packages") {
		t.Fatalf("outside a repository without paths: exit %d\n%s", code, errOut)
	}
	copyTree(t, filepath.Join(repoRoot(), "testdata", "Contoso"), filepath.Join(dir, "-Contoso"))
	code, out, errOut := runCmd(t, "check-beta-flag", "--", "-Contoso")
	if code != 0 {
		t.Fatalf("path mode with a leading dash after --: exit %d\n%s%s", code, out, errOut)
	}
}

func TestExplainAndRules(t *testing.T) {
	code, out, _ := runCmd(t, "pqcert", "explain", "PQ005")
	if code != 0 || !strings.Contains(out, "version-not-bumped") || !strings.Contains(out, "Bad") {
		t.Fatalf("explain PQ005: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCmd(t, "pqcert", "explain", "PQ999"); code != 2 || !strings.Contains(errOut, "no rule") {
		t.Fatalf("explain PQ999: exit %d %s", code, errOut)
	}
	code, out, _ = runCmd(t, "pqcert", "rules")
	if code != 0 || strings.Count(out, "\n") < 30 {
		t.Fatalf("rules: exit %d\n%s", code, out)
	}
}

var update = flag.Bool("update", false, "rewrite docs/rules.md and the README rule table (make docs)")

// TestDocsUpToDate fails when docs/rules.md or the rule table in the
// README no longer match the registry; `make docs` (this test with
// -update) regenerates them.
func TestDocsUpToDate(t *testing.T) {
	docs := filepath.Join(repoRoot(), "docs", "rules.md")
	readmePath := filepath.Join(repoRoot(), "README.md")
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	updated, ok := UpdateReadme(string(readme))
	if !ok {
		t.Fatal("README.md lacks the rules:begin/rules:end markers")
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(docs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(docs, []byte(RulesMarkdown()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(readmePath, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(docs)
	if err != nil || string(b) != RulesMarkdown() {
		t.Error("docs/rules.md is missing or out of date: run make docs")
	}
	if updated != string(readme) {
		t.Error("the rule table in README.md is out of date: run make docs")
	}
}

func TestParseJSON(t *testing.T) {
	file := filepath.Join(repoRoot(), "testdata", "Contoso", "Contoso.pq")
	code, out, _ := runCmd(t, "pqcert", "parse", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["ok"] != true || rec["kind"] != "section" || rec["sectionName"] != "Contoso" {
		t.Fatalf("got %v", rec)
	}
	bad := filepath.Join(t.TempDir(), "bad.pq")
	os.WriteFile(bad, []byte("section X;\nshared a = let x = 1 ;\n"), 0o644)
	code, out, _ = runCmd(t, "pqcert", "parse", "--json", bad)
	if code != 1 || !strings.Contains(out, `"ok":false`) || !strings.Contains(out, `"line":2`) {
		t.Fatalf("bad file: exit %d\n%s", code, out)
	}
}

func TestChangesJSON(t *testing.T) {
	dir := testRepo(t)
	replaceIn(t, filepath.Join(dir, "Contoso", "resources.resx"), "Workspace address", "Workspace URL")
	git(t, "mv", "Contoso/Diagnostics.pqm", "Contoso/Trace.pqm")
	git(t, "add", "-A")
	code, out, errOut := runCmd(t, "pqcert", "changes", "--json")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	want := `{"changes":[{"status":"R","path":"Contoso/Trace.pqm","oldPath":"Contoso/Diagnostics.pqm"},{"status":"M","path":"Contoso/resources.resx"}],` +
		`"connectors":[{"dir":"Contoso","main":"Contoso/Contoso.pq","status":"modified","changed":["Contoso/Trace.pqm","Contoso/resources.resx"]}]}`
	if strings.TrimSpace(out) != want {
		t.Fatalf("got  %s\nwant %s", out, want)
	}
}

// TestAmbiguousFolderDoesNotHideOthers: a folder with two section
// documents is not a connector; a change to it gets a note, the other
// connector is still checked, and folders the change does not touch are
// not mentioned.
func TestAmbiguousFolderDoesNotHideOthers(t *testing.T) {
	dir := testRepo(t)
	os.MkdirAll(filepath.Join(dir, "Queries"), 0o755)
	os.WriteFile(filepath.Join(dir, "Queries", "A.pq"), []byte("section A;\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "Queries", "B.pq"), []byte("section B;\n"), 0o644)
	git(t, "add", "-A")
	git(t, "commit", "-q", "-m", "queries")
	if code, out, errOut := runCmd(t, "check-no-tracing"); code != 0 || out != "" || errOut != "" {
		t.Fatalf("nothing staged: exit %d, want 0 and silence\n%s%s", code, out, errOut)
	}

	replaceIn(t, filepath.Join(dir, "Contoso", "Contoso.pq"), "EnableTraceOutput = false", "EnableTraceOutput = true")
	os.WriteFile(filepath.Join(dir, "Queries", "B.pq"), []byte("section B2;\n"), 0o644)
	git(t, "add", "-A")
	code, out, errOut := runCmd(t, "check-no-tracing")
	if code != 1 || !strings.Contains(out, "PQ042") || !strings.Contains(errOut, "note: Queries holds 2 section documents") {
		t.Fatalf("exit %d, want 1 with PQ042 for Contoso and a note about Queries\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "check-no-tracing", "Queries"); code != 2 || !strings.Contains(errOut, "holds 2 section documents") {
		t.Fatalf("the folder named explicitly: exit %d, want 2\n%s", code, errOut)
	}
}

func TestChangesPaths(t *testing.T) {
	root := filepath.Join(repoRoot(), "testdata")
	t.Chdir(root)
	code, out, errOut := runCmd(t, "pqcert", "changes", "--json", "Contoso")
	// Inside a repository (this one), paths are shown from its root.
	want := `{"changes":[],"connectors":[{"dir":"testdata/Contoso","main":"testdata/Contoso/Contoso.pq","status":"checked","changed":["testdata/Contoso/Contoso.pq","testdata/Contoso/Diagnostics.pqm","testdata/Contoso/Table.ToNavigationTable.pqm","testdata/Contoso/resources.resx"]}]}`
	if code != 0 || strings.TrimSpace(out) != want {
		t.Fatalf("exit %d\ngot  %s\nwant %s\n%s", code, out, want, errOut)
	}
}

// TestFlagsAfterPaths: flags may follow paths; after `--` everything is a
// path, so a folder named -Contoso works too.
func TestFlagsAfterPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	copyTree(t, filepath.Join(repoRoot(), "testdata", "Contoso"), filepath.Join(dir, "Contoso"))
	copyTree(t, filepath.Join(repoRoot(), "testdata", "Contoso"), filepath.Join(dir, "-Dash"))
	code, out, errOut := runCmd(t, "check-no-tracing", "Contoso", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != `{"diagnostics":[]}` {
		t.Fatalf("flag after a path: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "pqcert", "changes", "Contoso", "--json", "--", "-Dash")
	if code != 0 || !strings.Contains(out, `"dir":"-Dash"`) || !strings.Contains(out, `"dir":"Contoso"`) {
		t.Fatalf("pqcert changes PATH --json -- -PATH: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runCmd(t, "pqcert", "changes", "Contoso")
	if code != 0 || !strings.Contains(out, "Contoso (checked, main Contoso/Contoso.pq)") {
		t.Fatalf("pqcert changes PATH in text: exit %d\n%s", code, out)
	}
}

// TestUsageErrorIsShort: a mistake gets one line and a pointer to --help,
// not the whole help text.
func TestUsageErrorIsShort(t *testing.T) {
	code, out, errOut := runCmd(t, "check-certification", "--bogus")
	if code != 2 || out != "" || strings.Count(errOut, "\n") > 2 || !strings.Contains(errOut, "--help") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

// TestFileArgumentInSubfolder: a module in a connector's subfolder is
// checked with the connector above it; a file of no connector is refused.
func TestFileArgumentInSubfolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	copyTree(t, filepath.Join(repoRoot(), "testdata", "Contoso"), filepath.Join(dir, "Contoso"))
	os.MkdirAll(filepath.Join(dir, "Contoso", "lib"), 0o755)
	os.WriteFile(filepath.Join(dir, "Contoso", "lib", "Util.pqm"), []byte("(x) => x"), 0o644)
	code, out, errOut := runCmd(t, "pqcert", "changes", "--json", "Contoso/lib/Util.pqm")
	if code != 0 || !strings.Contains(out, `"dir":"Contoso"`) || !strings.Contains(out, `"Contoso/lib/Util.pqm"`) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	os.WriteFile(filepath.Join(dir, "Contoso", "README.md"), []byte("# Contoso"), 0o644)
	if code, _, errOut := runCmd(t, "check-certification", "Contoso/README.md"); code != 2 || !strings.Contains(errOut, "not a packaged file") {
		t.Fatalf("a file the connector does not ship: exit %d\n%s", code, errOut)
	}
}

// TestFirstPushThroughTheFramework: at pre-push, for a history new to the
// remote, pre-commit gives no refs; the pushed branch is checked whole.
func TestFirstPushThroughTheFramework(t *testing.T) {
	dir := testRepo(t)
	replaceIn(t, filepath.Join(dir, "Contoso", "Contoso.pq"), "EnableTraceOutput = false", "EnableTraceOutput = true")
	git(t, "commit", "-q", "-am", "tracing on")
	t.Setenv("PRE_COMMIT_REMOTE_NAME", "origin")
	t.Setenv("PRE_COMMIT_LOCAL_BRANCH", "refs/heads/main")
	if code, out, _ := runCmd(t, "check-no-tracing"); code != 1 || !strings.Contains(out, "PQ040") {
		t.Fatalf("exit %d, want 1 with PQ040\n%s", code, out)
	}
}

// TestRepoSettings: a connector declared released in git config may turn
// Beta off, in every hook; messages name the ref compared with.
func TestRepoSettings(t *testing.T) {
	dir := testRepo(t)
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	replaceIn(t, pq, "Beta = true", "Beta = false")
	replaceIn(t, pq, `[Version = "1.0.0"]`, `[Version = "1.1.0"]`)
	git(t, "add", "-A")
	if code, out, _ := runCmd(t, "check-beta-flag"); code != 1 || !strings.Contains(out, "(HEAD has Beta = true)") {
		t.Fatalf("before the release is declared: exit %d\n%s", code, out)
	}
	git(t, "config", "--add", "pqcert.released", "Contoso")
	if code, out, errOut := runCmd(t, "check-beta-flag"); code != 0 {
		t.Fatalf("declared released in git config: exit %d\n%s%s", code, out, errOut)
	}
	git(t, "config", "--unset-all", "pqcert.released")
	git(t, "commit", "-q", "--no-verify", "-m", "beta off")
	if code, out, _ := runCmd(t, "check-beta-flag", "--from-ref", "HEAD~1", "--to-ref", "HEAD"); code != 1 || !strings.Contains(out, "(HEAD~1 has Beta = true)") {
		t.Fatalf("refs mode: exit %d\n%s", code, out)
	}
}
