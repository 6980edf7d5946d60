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

	"github.com/pqcert/pqcert/internal/testtool"
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
	return newRepo(t)
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
	if _, ok := testtool.Have(t, "node", "apt-get install nodejs"); !ok {
		return
	}
	if ref == "" {
		testtool.MissingPart(t, "the reference M parser is not set up ($PQREF, ../shared/tools/pqref or /tmp/pqref): M files not checked against it",
			"copy ../shared/tools/pqref to /tmp/pqref and run its setup.sh, as .ci/run does")
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
// stages with pre-commit (and their environments, so that a hook repository
// it cannot fetch fails here, not at the first commit), falls back to pqcert
// install-hooks, and fails with a message when neither is on PATH. When
// pre-commit fails, the message offers make hooks HOOKS=plain, which
// uninstalls pre-commit's hooks and installs the plain git hooks.
func TestScaffoldMakeHooks(t *testing.T) {
	makeBin := testtool.Need(t, "make", "apt-get install make")
	bin := commandsBin(t) // before emptyRepo moves HOME, and with it Go's caches
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
		return runMake(t, makeBin, nil, tools...)
	}
	if got, errOut, err := run("pre-commit", "pqcert"); err != nil || got != "install --install-hooks -t pre-commit -t pre-push\n" {
		t.Errorf("with pre-commit: %v, ran %q (%s); want pre-commit install --install-hooks -t pre-commit -t pre-push", err, got, errOut)
	}
	// pre-commit cannot fetch https://github.com/pqcert/pqcert at its rev.
	got, errOut, err := run("pre-commit!", "pqcert")
	if err == nil || got != "install --install-hooks -t pre-commit -t pre-push\n" || !strings.Contains(errOut, "could not set up the pqcert hooks") ||
		!strings.Contains(errOut, "make hooks HOOKS=plain") || !strings.Contains(errOut, "pqcert install-hooks") {
		t.Errorf("with a failing pre-commit: %v, ran %q, stderr %q; want a failure that offers make hooks HOOKS=plain", err, got, errOut)
	}
	if got, errOut, err := runMake(t, makeBin, []string{"HOOKS=plain"}, "pre-commit", "pqcert"); err != nil || got != "uninstall -t pre-commit -t pre-push\ninstall-hooks\n" {
		t.Errorf("make hooks HOOKS=plain: %v, ran %q (%s); want pre-commit uninstall, then pqcert install-hooks", err, got, errOut)
	}
	if got, errOut, err := runMake(t, makeBin, []string{"HOOKS=plain"}, "pqcert"); err != nil || got != "install-hooks\n" {
		t.Errorf("make hooks HOOKS=plain without pre-commit: %v, ran %q (%s); want pqcert install-hooks", err, got, errOut)
	}
	if got, errOut, err := run("pqcert"); err != nil || got != "install-hooks\n" {
		t.Errorf("with pqcert only: %v, ran %q (%s); want pqcert install-hooks", err, got, errOut)
	}
	if _, errOut, err := run(); err == nil || !strings.Contains(errOut, "neither pre-commit nor pqcert") {
		t.Errorf("with neither: %v, stderr %q; want a failure that says so", err, errOut)
	}
	// The real pre-commit, where it is installed, puts both hooks in place,
	// or (offline, or before the release it pins exists) fails with the
	// advice, which then works.
	if _, ok := testtool.Have(t, "pre-commit", "apt-get install pre-commit"); ok {
		cmd := exec.Command(makeBin, "hooks")
		cmd.Env = append(os.Environ(), "PATH="+realPath)
		out, err := cmd.CombinedOutput()
		ours := false
		if err != nil {
			if !strings.Contains(string(out), "make hooks HOOKS=plain") {
				t.Fatalf("make hooks with pre-commit failed without the fallback: %v\n%s", err, out)
			}
			cmd := exec.Command(makeBin, "hooks", "HOOKS=plain")
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+realPath)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("make hooks HOOKS=plain: %v\n%s", err, out)
			}
			ours = true
		}
		for _, h := range []string{"pre-commit", "pre-push"} {
			b, err := os.ReadFile(filepath.Join(dir, ".git", "hooks", h))
			if err != nil {
				t.Errorf("make hooks did not install the %s hook: %v", h, err)
			} else if ours && !strings.Contains(string(b), ourMarker) {
				t.Errorf("make hooks HOOKS=plain left a %s hook that is not pqcert's:\n%s", h, b)
			}
		}
	}
}

// runMake runs make hooks with args and a PATH of stand-in programs that
// record their arguments; a tool named with a trailing ! fails. It returns
// what they recorded and make's stderr.
func runMake(t *testing.T, makeBin string, args []string, tools ...string) (string, string, error) {
	t.Helper()
	fake := t.TempDir()
	log := filepath.Join(fake, "log")
	for _, tool := range tools {
		if name, failing := strings.CutSuffix(tool, "!"); failing {
			writeScript(t, fake, name, log)
			f, _ := os.OpenFile(filepath.Join(fake, name), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("exit 1\n")
			f.Close()
			continue
		}
		writeScript(t, fake, tool, log)
	}
	cmd := exec.Command(makeBin, append([]string{"hooks"}, args...)...)
	cmd.Env = append(os.Environ(), "PATH="+fake)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	b, _ := os.ReadFile(log)
	return string(b), stderr.String(), err
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
	bin := commandsBin(t)
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
		"kept the existing " + filepath.Join("..", "Makefile") + "; add these lines to it (and the targets to its .PHONY):\n",
		"    CONNECTORS := 'connectors/Contoso'\n",
		"    check:\n    \tcheck-certification $(CONNECTORS)\n",
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
	if makeBin, ok := testtool.Have(t, "make", "apt-get install make"); ok {
		cmd := exec.Command(makeBin, "check")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("make check with the targets added: %v\n%s", err, out)
		}
	}
	// A second scaffold now finds the targets and says make again, from
	// the Makefile's folder. The Makefile is the user's: it is not changed,
	// but the output shows its CONNECTORS line with Fabrikam added.
	before, _ := os.ReadFile(filepath.Join(dir, "Makefile"))
	_, out, _ = runCmd(t, "scaffold-connector", "Fabrikam")
	for _, want := range []string{
		"kept the existing " + filepath.Join("..", "Makefile") + "; add connectors/Fabrikam to its CONNECTORS line",
		"\n    CONNECTORS := 'connectors/Contoso' 'connectors/Fabrikam'\n",
		"next: cd ..; make hooks; git add connectors/Fabrikam; git commit; make check; make package\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("with the targets in the Makefile, output lacks %q:\n%s", want, out)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "Makefile")); string(after) != string(before) {
		t.Errorf("the user's Makefile was changed:\n%s", after)
	}
	// The line it shows, put in place, makes make check cover Fabrikam.
	b := strings.Replace(string(before), "CONNECTORS := 'connectors/Contoso'\n", "CONNECTORS := 'connectors/Contoso' 'connectors/Fabrikam'\n", 1)
	os.WriteFile(filepath.Join(dir, "Makefile"), []byte(b), 0o644)
	if makeBin, ok := testtool.Have(t, "make", "apt-get install make"); ok {
		cmd := exec.Command(makeBin, "check")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "'connectors/Fabrikam'") {
			t.Errorf("make check with the CONNECTORS line changed: %v\n%s", err, out)
		}
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
	makeBin, bin, dir := scaffoldForMake(t)
	if out, err := makeIn(t, makeBin, bin, dir, "check"); err != nil {
		t.Fatalf("make check on a fresh scaffold: %v\n%s", err, out)
	}
	breakSection(t, filepath.Join(dir, "Contoso"), "Contoso")
	if out, err := makeIn(t, makeBin, bin, dir, "check"); err == nil || !strings.Contains(out, "PQ001") {
		t.Errorf("make check on an unstaged broken file: %v, want a failure with PQ001:\n%s", err, out)
	}
}

// scaffoldForMake scaffolds Contoso into a fresh repository, the working
// directory, and returns make, the folder of the built commands and the
// repository; it skips the test without make.
func scaffoldForMake(t *testing.T) (makeBin, bin, dir string) {
	t.Helper()
	makeBin = testtool.Need(t, "make", "apt-get install make")
	bin = commandsBin(t) // before emptyRepo moves HOME, and with it Go's caches
	dir = emptyRepo(t)
	if code, out, errOut := runCmd(t, "scaffold-connector", "Contoso"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	return makeBin, bin, dir
}

// breakSection drops the semicolon of NAME.pq's section declaration (PQ001).
func breakSection(t *testing.T, folder, name string) {
	t.Helper()
	pq := filepath.Join(folder, name+".pq")
	b, err := os.ReadFile(pq)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pq, []byte(strings.Replace(string(b), "section "+name+";", "section "+name, 1)), 0o644); err != nil {
		t.Fatal(err)
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

// makeIn runs make target in dir with the commands on PATH.
func makeIn(t *testing.T, makeBin, bin, dir, target string) (string, error) {
	t.Helper()
	cmd := exec.Command(makeBin, target)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestScaffoldMakeDirWithSpace: with a --dir whose name has a space, the
// Makefile quotes the connector folder for make and sh: make check and
// make package work, and the next steps quote it too.
func TestScaffoldMakeDirWithSpace(t *testing.T) {
	makeBin := testtool.Need(t, "make", "apt-get install make")
	bin := commandsBin(t)
	dir := emptyRepo(t)
	os.Mkdir("My Connectors", 0o755)
	code, out, errOut := runCmd(t, "scaffold-connector", "--dir", "My Connectors", "Contoso")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "git add 'My Connectors/Contoso';") {
		t.Errorf("next steps do not quote the folder:\n%s", out)
	}
	if out, err := makeIn(t, makeBin, bin, dir, "check"); err != nil {
		t.Errorf("make check: %v\n%s", err, out)
	}
	if out, err := makeIn(t, makeBin, bin, dir, "package"); err != nil {
		t.Errorf("make package: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "My Connectors", "Contoso", "bin", "Contoso.mez")); err != nil {
		t.Errorf("make package built no .mez: %v", err)
	}
}

// TestScaffoldSecondConnectorChecked: a second scaffold adds its folder to
// the CONNECTORS line of the Makefile the first one wrote (and says so), so
// make check and make package cover both: a broken second connector fails
// them. The folder has a quote, a $ and a # in its name; scaffolding it
// again with --force does not list it twice.
func TestScaffoldSecondConnectorChecked(t *testing.T) {
	makeBin, bin, dir := scaffoldForMake(t)
	odd := "O'Brien $HOME #2"
	os.Mkdir(odd, 0o755)
	code, out, errOut := runCmd(t, "scaffold-connector", "--dir", odd, "Fabrikam")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	line := `CONNECTORS := 'Contoso' 'O'\''Brien $$HOME \#2/Fabrikam'`
	if !strings.Contains(out, "updated the existing Makefile: added "+odd+"/Fabrikam to its CONNECTORS line:\n    "+line+"\n") {
		t.Errorf("output does not say the Makefile was updated:\n%s", out)
	}
	mk, _ := os.ReadFile("Makefile")
	if !strings.Contains(string(mk), "\n"+line+"\n") {
		t.Errorf("Makefile lacks %s:\n%s", line, mk)
	}
	if out, err := makeIn(t, makeBin, bin, dir, "check"); err != nil || !strings.Contains(out, "'O'\\''Brien $HOME #2/Fabrikam'") {
		t.Errorf("make check on both: %v\n%s", err, out)
	}
	if out, err := makeIn(t, makeBin, bin, dir, "package"); err != nil {
		t.Errorf("make package on both: %v\n%s", err, out)
	}
	for _, mez := range []string{filepath.Join("Contoso", "bin", "Contoso.mez"), filepath.Join(odd, "Fabrikam", "bin", "Fabrikam.mez")} {
		if _, err := os.Stat(mez); err != nil {
			t.Errorf("make package did not build %s", mez)
		}
	}

	breakSection(t, filepath.Join(odd, "Fabrikam"), "Fabrikam")
	if out, err := makeIn(t, makeBin, bin, dir, "check"); err == nil || !strings.Contains(out, "PQ001") || !strings.Contains(out, "Fabrikam.pq") {
		t.Errorf("make check with Fabrikam broken: %v, want a failure with PQ001 in Fabrikam.pq:\n%s", err, out)
	}
	if out, err := makeIn(t, makeBin, bin, dir, "package"); err == nil {
		t.Errorf("make package with Fabrikam broken succeeded:\n%s", out)
	}

	if code, out, errOut := runCmd(t, "scaffold-connector", "--dir", odd, "--force", "Fabrikam"); code != 0 || !strings.Contains(out, "kept the existing Makefile (it has what pqcert needs)") {
		t.Errorf("--force again: exit %d\n%s%s", code, out, errOut)
	}
	if again, _ := os.ReadFile("Makefile"); string(again) != string(mk) {
		t.Errorf("scaffolding Fabrikam again changed the Makefile:\n%s", again)
	}
}

// TestScaffoldOutsideRepo: outside a git repository the scaffold is
// written, with a note that the hooks need one and git init as the first
// next step, from the folder that holds the Makefile; the steps then work.
func TestScaffoldOutsideRepo(t *testing.T) {
	makeBin := testtool.Need(t, "make", "apt-get install make")
	dir := t.TempDir()
	if err := exec.Command("git", "-C", dir, "rev-parse", "--git-dir").Run(); err == nil {
		t.Skip("the temporary folder is inside a git repository")
	}
	t.Chdir(dir)
	code, out, errOut := runCmd(t, "scaffold-connector", "Contoso")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "the current folder is not in a git repository, and the hooks need one: run git init there first") {
		t.Errorf("stderr does not say the hooks need a repository: %q", errOut)
	}
	if !strings.Contains(out, "next: git init; make hooks; git add Contoso;") {
		t.Errorf("next does not start with git init:\n%s", out)
	}
	os.Mkdir("sub", 0o755)
	_, out, _ = runCmd(t, "scaffold-connector", "--dir", "sub", "Fabrikam")
	if !strings.Contains(out, "next: cd sub; git init; make hooks; git add Fabrikam;") {
		t.Errorf("--dir sub: next does not cd there and git init:\n%s", out)
	}
	// What it advises works: git init, then make hooks (a stand-in pqcert).
	testtool.Need(t, "git", "apt-get install git")
	t.Setenv("HOME", dir)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, k := range []string{"GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	if out, err := exec.Command("git", "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	if got, errOut, err := runMake(t, makeBin, nil, "pqcert"); err != nil || got != "install-hooks\n" {
		t.Errorf("make hooks after git init: %v, ran %q (%s)", err, got, errOut)
	}
}

// TestScaffoldHelpWrapped: --help folds its text like the other commands
// (no line past 100 columns) and names --function as the flag it is.
func TestScaffoldHelpWrapped(t *testing.T) {
	_, out, _ := runCmd(t, "scaffold-connector", "--help")
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 100 {
			t.Errorf("a line of %d characters: %s", n, line)
		}
	}
	if !strings.Contains(out, "--function names the exported function") || strings.Contains(out, "FUNCTION") {
		t.Errorf("--help should say --function, not FUNCTION:\n%s", out)
	}
}
