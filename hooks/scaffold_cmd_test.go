package hooks

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The end-to-end tests run the real commands, built once per test binary
// into binDir, from a git pre-commit hook; TestMain (main_test.go) removes
// binDir when the tests end.
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

// writeScript writes an executable shell script that records its
// arguments in log.
func writeScript(t *testing.T, dir, name, log string) {
	t.Helper()
	script := "#!/bin/sh\necho \"$@\" >> '" + log + "'\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestScaffoldMakeHooks: make hooks installs the pre-commit and pre-push
// stages with pre-commit, falls back to pqcert install-hooks, and fails
// with a message when neither is on PATH.
func TestScaffoldMakeHooks(t *testing.T) {
	makeBin, err := exec.LookPath("make")
	if err != nil {
		t.Skip("make is not installed")
	}
	dir := emptyRepo(t)
	if code, out, errOut := runCmd(t, "scaffold-connector", "Contoso"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(".pre-commit-config.yaml"); !strings.Contains(string(b), "default_install_hook_types: [pre-commit, pre-push]") {
		t.Errorf(".pre-commit-config.yaml lacks default_install_hook_types:\n%s", b)
	}
	realPath := os.Getenv("PATH")
	run := func(tools ...string) (string, string, error) {
		t.Helper()
		fake := t.TempDir()
		log := filepath.Join(fake, "log")
		for _, tool := range tools {
			writeScript(t, fake, tool, log)
		}
		cmd := exec.Command(makeBin, "hooks")
		cmd.Env = append(os.Environ(), "PATH="+fake)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		b, _ := os.ReadFile(log)
		return string(b), stderr.String(), err
	}
	if got, errOut, err := run("pre-commit", "pqcert"); err != nil || got != "install -t pre-commit -t pre-push\n" {
		t.Errorf("with pre-commit: %v, ran %q (%s); want pre-commit install -t pre-commit -t pre-push", err, got, errOut)
	}
	if got, errOut, err := run("pqcert"); err != nil || got != "install-hooks\n" {
		t.Errorf("with pqcert only: %v, ran %q (%s); want pqcert install-hooks", err, got, errOut)
	}
	if _, errOut, err := run(); err == nil || !strings.Contains(errOut, "neither pre-commit nor pqcert") {
		t.Errorf("with neither: %v, stderr %q; want a failure that says so", err, errOut)
	}
	// The real pre-commit, where it is installed, puts both hooks in place.
	if _, err := exec.LookPath("pre-commit"); err == nil {
		cmd := exec.Command(makeBin, "hooks")
		cmd.Env = append(os.Environ(), "PATH="+realPath)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make hooks with pre-commit: %v\n%s", err, out)
		}
		for _, h := range []string{"pre-commit", "pre-push"} {
			if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", h)); err != nil {
				t.Errorf("make hooks did not install the %s hook: %v", h, err)
			}
		}
	}
}

// TestScaffoldFunctionAgreesWithChecks: scaffold-connector refuses exactly
// the function names check-certification --strict would report (PQ013,
// PQ014), with the reason and a domain word, and writes nothing; a name it
// accepts passes. Each name is tried in a scaffold renamed by hand.
func TestScaffoldFunctionAgreesWithChecks(t *testing.T) {
	base := t.TempDir()
	if code, out, errOut := runCmd(t, "scaffold-connector", "--dir", base, "--function", "Tables", "Baz"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	pq, err := os.ReadFile(filepath.Join(base, "Baz", "Baz.pq"))
	if err != nil {
		t.Fatal(err)
	}
	for _, fn := range []string{"GetTables", "Test", "Function1", "Helper", "ContentsHelper", "MyData", "FetchData",
		"Query1", "GetAPI", "Tables", "Contents", "Projects", "Feed", "Рейсы"} {
		dir := t.TempDir()
		code, out, errOut := runCmd(t, "scaffold-connector", "--dir", dir, "--function", fn, "Baz")
		refused := code != 0

		// What the checks say about the same name.
		copyTree(t, filepath.Join(base, "Baz"), filepath.Join(dir, "check", "Baz"))
		renamed := strings.ReplaceAll(string(pq), "Baz.Tables", "Baz."+fn)
		os.WriteFile(filepath.Join(dir, "check", "Baz", "Baz.pq"), []byte(renamed), 0o644)
		ccode, cout, _ := runCmd(t, "check-certification", "--strict", filepath.Join(dir, "check", "Baz"))
		flagged := ccode != 0
		if refused != flagged {
			t.Errorf("--function %s: scaffold exit %d (%s), check-certification exit %d:\n%s", fn, code, errOut, ccode, cout)
			continue
		}
		if !refused {
			continue
		}
		if code != 2 || out != "" || !strings.Contains(errOut, "nothing written") || !strings.Contains(errOut, "Contents, Tables") {
			t.Errorf("--function %s: exit %d, stdout %q, stderr %q; want 2, the reason and domain words", fn, code, out, errOut)
		}
		if !strings.Contains(errOut, "PQ014") && !strings.Contains(errOut, "PQ013") {
			t.Errorf("--function %s: stderr %q names no rule", fn, errOut)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 1 { // only check/
			t.Errorf("--function %s: wrote %d entries, want none", fn, len(ents)-1)
		}
	}
}

// TestScaffoldUnicodeName: a name in any script is a valid M identifier:
// the scaffold commits through the hooks, passes every check, the
// reference parser accepts it, and its .mez holds UTF-8 entry names that
// check like the folder.
func TestScaffoldUnicodeName(t *testing.T) {
	bin := commandsBin(t)
	for _, name := range []string{"Ñandu", "Данные"} {
		t.Run(name, func(t *testing.T) {
			dir := emptyRepo(t)
			t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			if err := os.WriteFile(filepath.Join(dir, ".git", "hooks", "pre-commit"), []byte(preCommitHook), 0o755); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runCmd(t, "scaffold-connector", "--auth", "Key", name)
			if code != 0 {
				t.Fatalf("scaffold-connector exit %d\n%s%s", code, out, errOut)
			}
			if !strings.Contains(out, filepath.Join(name, name+".pq")) {
				t.Errorf("output does not list %s/%s.pq:\n%s", name, name, out)
			}
			resx, _ := os.ReadFile(filepath.Join(name, "resources.resx"))
			if !strings.Contains(string(resx), "<value>"+name+"</value>") {
				t.Errorf("resources.resx does not carry the name as is:\n%s", resx)
			}
			git(t, "add", "-A")
			if out, err := exec.Command("git", "commit", "-q", "-m", "scaffold "+name).CombinedOutput(); err != nil {
				t.Fatalf("git commit through the hooks: %v\n%s", err, out)
			}
			if out, err := exec.Command(filepath.Join(bin, "check-certification"), "--strict", "--all").CombinedOutput(); err != nil || len(out) != 0 {
				t.Errorf("check-certification --strict --all: %v\n%s", err, out)
			}
			pqrefAccepts(t, filepath.Join(dir, name))

			if code, out, errOut := runCmd(t, "package-connector", "-o", dir, name); code != 0 {
				t.Fatalf("package-connector: exit %d\n%s%s", code, out, errOut)
			}
			mezPath := filepath.Join(dir, name+".mez")
			zr, err := zip.OpenReader(mezPath)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			found := false
			for _, f := range zr.File {
				if f.Name == name+".pq" {
					found = true
				}
				if f.NonUTF8 || strings.ContainsFunc(f.Name, func(r rune) bool { return r >= 0x80 }) && f.Flags&0x800 == 0 {
					t.Errorf("%s: entry %q is not marked UTF-8", mezPath, f.Name)
				}
			}
			if !found {
				t.Errorf("%s lacks %s.pq", mezPath, name)
			}
			if code, out, errOut := runCmd(t, "check-certification", "--strict", mezPath); code != 0 {
				t.Errorf("check-certification %s: exit %d\n%s%s", mezPath, code, out, errOut)
			}
		})
	}
}

// TestScaffoldKeptFilesAdvice: when the repository's Makefile and
// .pre-commit-config.yaml exist, the output says exactly what to add, the
// next steps do not use the missing make targets, and every path is shown
// the same way: relative to the current folder, or absolute with an
// absolute --dir. What it says to add works.
func TestScaffoldKeptFilesAdvice(t *testing.T) {
	dir := emptyRepo(t)
	os.WriteFile("Makefile", []byte("all:\n\techo all\n"), 0o644)
	os.WriteFile(".pre-commit-config.yaml", []byte("repos: []\n"), 0o644)
	os.Mkdir("connectors", 0o755)
	t.Chdir(filepath.Join(dir, "connectors"))
	code, out, errOut := runCmd(t, "scaffold-connector", "Contoso")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"  " + filepath.Join("Contoso", "Contoso.pq") + "\n",
		"  " + filepath.Join("..", ".gitignore") + "\n",
		"kept the existing " + filepath.Join("..", "Makefile") + "; add these targets",
		"    check:\n    \tcheck-certification connectors/Contoso\n",
		"    hooks:\n",
		"kept the existing " + filepath.Join("..", ".pre-commit-config.yaml") + "; add",
		"    default_install_hook_types: [pre-commit, pre-push]\n",
		"      - repo: https://github.com/pqcert/pqcert\n",
		"next: pre-commit install -t pre-commit -t pre-push (or: pqcert install-hooks); git add Contoso; git commit; check-certification Contoso; package-connector Contoso\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "next: make") || strings.Contains(out, dir) {
		t.Errorf("next: uses make targets that do not exist, or the output shows an absolute path:\n%s", out)
	}

	// What it says to add to the Makefile makes make check work.
	var add []string
	in := false
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "kept the existing "+filepath.Join("..", "Makefile")):
			in = true
		case in && strings.HasPrefix(line, "    "):
			add = append(add, strings.TrimPrefix(line, "    "))
		case in && line != "":
			in = false
		}
	}
	f, _ := os.OpenFile(filepath.Join(dir, "Makefile"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n" + strings.Join(add, "\n") + "\n")
	f.Close()
	if makeBin, err := exec.LookPath("make"); err == nil {
		bin := commandsBin(t)
		cmd := exec.Command(makeBin, "check")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("make check with the targets added: %v\n%s", err, out)
		}
	}
	// A second scaffold now finds the targets and says make again.
	_, out, _ = runCmd(t, "scaffold-connector", "Fabrikam")
	if !strings.Contains(out, "next: make hooks; git add Fabrikam; git commit; make check; make package") {
		t.Errorf("with the targets in the Makefile, next should use them:\n%s", out)
	}

	// An absolute --dir shows every path absolute.
	_, out, _ = runCmd(t, "scaffold-connector", "--dir", dir, "Tailspin")
	for _, want := range []string{"  " + filepath.Join(dir, "Tailspin", "Tailspin.pq") + "\n", "kept the existing " + filepath.Join(dir, "Makefile")} {
		if !strings.Contains(out, want) {
			t.Errorf("--dir %s: output lacks %q:\n%s", dir, want, out)
		}
	}
}

// TestScaffoldMakeCheckReadsDisk: make check checks the connector as it is
// on disk, before git add: a broken file fails it.
func TestScaffoldMakeCheckReadsDisk(t *testing.T) {
	makeBin, err := exec.LookPath("make")
	if err != nil {
		t.Skip("make is not installed")
	}
	bin := commandsBin(t)
	dir := emptyRepo(t)
	if code, out, errOut := runCmd(t, "scaffold-connector", "Contoso"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	makeCheck := func() (string, error) {
		cmd := exec.Command(makeBin, "check")
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := makeCheck(); err != nil {
		t.Fatalf("make check on a fresh scaffold: %v\n%s", err, out)
	}
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	b, _ := os.ReadFile(pq)
	os.WriteFile(pq, []byte(strings.Replace(string(b), "section Contoso;", "section Contoso", 1)), 0o644)
	if out, err := makeCheck(); err == nil || !strings.Contains(out, "PQ001") {
		t.Errorf("make check on an unstaged broken file: %v, want a failure with PQ001:\n%s", err, out)
	}
}

// TestScaffoldStagingIsIgnored: the folder an interrupted scaffold leaves
// (.NAME.scaffold-*) is ignored by the .gitignore it writes, so git add -A
// does not stage a second copy of the connector.
func TestScaffoldStagingIsIgnored(t *testing.T) {
	dir := emptyRepo(t)
	if code, out, errOut := runCmd(t, "scaffold-connector", "Contoso"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	left := filepath.Join(dir, ".Ñandu.scaffold-123456789", "Ñandu")
	os.MkdirAll(left, 0o755)
	os.WriteFile(filepath.Join(left, "Ñandu.pq"), []byte("section Ñandu;"), 0o644)
	git(t, "add", "-A")
	if staged := git(t, "diff", "--cached", "--name-only"); strings.Contains(staged, "scaffold-") || !strings.Contains(staged, "Contoso/Contoso.pq") {
		t.Errorf("git add -A staged:\n%s", staged)
	}
}

// TestScaffoldHelpAndCategory: --help lists the --auth aliases; a category
// without special handling is kept, with a note.
func TestScaffoldHelpAndCategory(t *testing.T) {
	_, out, _ := runCmd(t, "scaffold-connector", "--help")
	for _, alias := range []string{"basic", "apikey", "entra", "implicit", "oauth2"} {
		if !strings.Contains(out, alias) {
			t.Errorf("--help does not list the --auth alias %s", alias)
		}
	}
	for cat, note := range map[string]bool{"Retail": true, "Online Services": true, "azure": false, "Database": false, "Other": false} {
		dir := t.TempDir()
		code, out, errOut := runCmd(t, "scaffold-connector", "--dir", dir, "--category", cat, "Contoso")
		if code != 0 {
			t.Fatalf("--category %s: exit %d\n%s%s", cat, code, out, errOut)
		}
		if got := strings.Contains(errOut, "listed under Other"); got != note {
			t.Errorf("--category %s: note %v, want %v: %q", cat, got, note, errOut)
		}
		pq, _ := os.ReadFile(filepath.Join(dir, "Contoso", "Contoso.pq"))
		want := cat
		if cat == "azure" {
			want = "Azure"
		}
		if !strings.Contains(string(pq), "Category = \""+want+"\"") {
			t.Errorf("--category %s: Publish lacks Category = %q", cat, want)
		}
	}
}
