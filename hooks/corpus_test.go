package hooks

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/checks/checkstest"
)

// The corpus in checks/testdata/corpus holds connectors written the way real
// ones are (REST with an API key and paging, OAuth, ODBC, a database, OData,
// AAD, a file format, culture resx files, a BOM with CRLF, icons of the right
// and wrong sizes), each with the findings a correct checker gives written
// inline (`// want PQ0NN "regexp"`) or, for findings without a line, in
// EXPECT. A connector without any expectation is clean.

func corpusDir() string {
	return filepath.Join(repoRoot(), "checks", "testdata", "corpus")
}

// corpusConnectors lists the connector folders of the corpus, sorted.
func corpusConnectors(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(corpusDir())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) < 10 {
		t.Fatalf("the corpus has %d connectors, want at least 10", len(names))
	}
	return names
}

// corpusExpectations reads the expectations of one corpus connector, with
// paths relative to the connector folder.
func corpusExpectations(t testing.TB, name string) []*checkstest.Expectation {
	t.Helper()
	dir := filepath.Join(corpusDir(), name)
	files, err := checkstest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := checkstest.Expectations(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	return wants
}

// TestCorpus runs every rule over each corpus connector and compares the
// findings with the expectations written in it.
func TestCorpus(t *testing.T) {
	for _, name := range corpusConnectors(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(corpusDir(), name)
			target, files, err := checkstest.LoadCase(dir)
			if err != nil {
				t.Fatal(err)
			}
			if target.After.Main == nil {
				t.Fatalf("%s: no section document found", name)
			}
			wants, err := checkstest.Expectations(dir, files)
			if err != nil {
				t.Fatal(err)
			}
			diags, err := checks.Run(checks.All(), []checks.Target{target}, checks.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			checkstest.Check(t, diags, wants)
		})
	}
}

// jsonDiagnostic reads one finding of `--format json`: the JSON keys are
// the field names of checks.Diagnostic, but severity is a word.
type jsonDiagnostic struct {
	checks.Diagnostic
	Severity string `json:"severity"`
}

// TestCorpusCommand runs check-certification itself over the whole corpus
// folder, as CI would, and checks that it finds exactly what the corpus
// expects, in every connector, with exit status 1 (the corpus has errors).
// The corpus is inside this repository, so paths are shown from its root.
// corpusPrefix is where the corpus connectors are, from the repository root.
const corpusPrefix = "checks/testdata/corpus/"

func TestCorpusCommand(t *testing.T) {
	names := corpusConnectors(t)
	t.Chdir(filepath.Dir(corpusDir()))
	code, out, errOut := runCmd(t, "check-certification", "--format", "json", "corpus")
	if code != 1 || errOut != "" {
		t.Fatalf("check-certification corpus: exit %d, want 1 with nothing on stderr\n%s", code, errOut)
	}
	var got struct {
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}

	var wants []*checkstest.Expectation
	withFindings := map[string]bool{}
	for _, name := range names {
		for _, w := range corpusExpectations(t, name) {
			wants = append(wants, &checkstest.Expectation{File: corpusPrefix + name + "/" + w.File, Line: w.Line, Rule: w.Rule, RE: w.RE})
			withFindings[name] = true
		}
	}
	var diags []checks.Diagnostic
	seen := map[string]bool{}
	for _, jd := range got.Diagnostics {
		d := jd.Diagnostic
		d.Severity = checks.Warning
		if jd.Severity == "error" {
			d.Severity = checks.Error
		}
		diags = append(diags, d)
		name, ok := strings.CutPrefix(d.Connector, corpusPrefix)
		if !ok || !strings.HasPrefix(d.File, d.Connector+"/") {
			t.Errorf("finding in %s names connector %q, want %s<Name>", d.File, d.Connector, corpusPrefix)
		}
		seen[name] = true
	}
	checkstest.Check(t, diags, wants)
	for _, name := range names {
		if withFindings[name] != seen[name] {
			t.Errorf("connector %s: findings expected %v, reported %v", name, withFindings[name], seen[name])
		}
	}
}

// TestCorpusCleanConnectors runs the command on each connector that expects
// no finding: it must pass even with --strict. So that a connector the
// command silently skipped cannot pass, a copy with Beta turned off must
// fail the same run.
func TestCorpusCleanConnectors(t *testing.T) {
	clean := 0
	for _, name := range corpusConnectors(t) {
		if len(corpusExpectations(t, name)) > 0 {
			continue
		}
		clean++
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(corpusDir(), name)
			code, out, errOut := runCmd(t, "check-certification", "--strict", dir)
			if code != 0 || out != "" {
				t.Fatalf("check-certification --strict %s: exit %d, want 0 and no output\n%s%s", name, code, out, errOut)
			}

			broken := filepath.Join(t.TempDir(), name)
			copyTree(t, dir, broken)
			replaceIn(t, filepath.Join(broken, name+".pq"), "Beta = true", "Beta = false")
			code, out, _ = runCmd(t, "check-certification", "--strict", broken)
			if code != 1 || !strings.Contains(out, "[PQ016 beta-flag]") {
				t.Fatalf("%s with Beta = false: exit %d, want 1 with PQ016\n%s", name, code, out)
			}
		})
	}
	if clean < 2 {
		t.Errorf("the corpus has %d clean connectors, want at least 2", clean)
	}
}

// TestCorpusBOMAndCRLF guards the bytes of the connector that starts with a
// UTF-8 byte order mark and ends its lines with CRLF: an editor or a git
// setting that normalised them would make the test above prove nothing.
func TestCorpusBOMAndCRLF(t *testing.T) {
	for _, f := range []string{"Proseware.pq", "resources.resx"} {
		b, err := os.ReadFile(filepath.Join(corpusDir(), "Proseware", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("Proseware/%s lost its byte order mark", f)
		}
		if n, crlf := bytes.Count(b, []byte("\n")), bytes.Count(b, []byte("\r\n")); n == 0 || n != crlf {
			t.Errorf("Proseware/%s: %d of %d lines end in CRLF, want all", f, crlf, n)
		}
	}
}
