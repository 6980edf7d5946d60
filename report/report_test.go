package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/m/token"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// Rules of the fixture are written here, not taken from the catalogue, so
// that editing a rule's docs does not break these goldens.
var (
	ruleInvalidVersion = &checks.Rule{ID: "PQ004", Name: "invalid-version", Severity: checks.Error,
		Title: "the version is not major.minor.patch",
		Doc:   "The Version attribute must be a semantic version such as \"1.2.3\"."}
	ruleMissingIcons = &checks.Rule{ID: "PQ017", Name: "missing-icons", Severity: checks.Warning,
		Title:       "no icons, or icons of the wrong size",
		Doc:         "Connectors should ship 16 to 80 pixel PNG icons.",
		Requirement: "The connector SHOULD have icons."}
	ruleUnusedKey = &checks.Rule{ID: "PQ032", Name: "resx-unused-key", Severity: checks.Warning,
		Title: "a resx key that no code loads", Doc: "Remove keys nothing loads."}
	ruleURLValue = &checks.Rule{ID: "PQ034", Name: "resx-url-value", Severity: checks.Error,
		Title: "a URL or other value in the resx", Doc: "URLs belong in code."}
	ruleNotBumped = &checks.Rule{ID: "PQ005", Name: "version-not-bumped", Severity: checks.Error,
		Title: "packaged files changed but the version did not"} // ran, found nothing, has no Doc
)

const pqSource = "section Contoso;\n\t[Größe = 1, Version = \"1.0\"]\nshared Contoso.Contents = () => 1;\n"

const resxSource = "<root>\r\n  <data name=\"Unused\" xml:space=\"preserve\">\r\n    <value>x</value>\r\n  </data>\r\n</root>\r\n"

// fixture covers: a span after a tab and a non-ASCII character, a warning
// spanning lines, a file-level finding, and a message with %, ',', ':' and
// a newline (in a file whose name needs escaping).
func fixture() *Result {
	pq := token.NewFile("Contoso/Contoso.pq", []byte(pqSource))
	rx := token.NewXMLFile("Contoso/resources.resx", []byte(resxSource))
	span := func(f *token.File, from, to string, d checks.Diagnostic) checks.Diagnostic {
		src := string(f.Source())
		start := strings.Index(src, from)
		end := strings.Index(src, to) + len(to)
		s, e := f.OffsetPosition(start), f.OffsetPosition(end)
		d.Line, d.Column, d.EndLine, d.EndColumn, d.Source = s.Line, s.Column, e.Line, e.Column, f
		return d
	}
	diag := func(r *checks.Rule, file, conn, msg string) checks.Diagnostic {
		return checks.Diagnostic{Rule: r.ID, Name: r.Name, Severity: r.Severity, File: file, Connector: conn, Message: msg}
	}
	return &Result{
		Diagnostics: []checks.Diagnostic{
			span(pq, `"1.0"`, `"1.0"`, diag(ruleInvalidVersion, pq.Name(), "Contoso",
				`expected major.minor.patch, found "1.0"`)),
			span(rx, `<data name="Unused"`, `</data>`, diag(ruleUnusedKey, rx.Name(), "Contoso",
				`key "Unused" is never loaded`)),
			diag(ruleMissingIcons, "Contoso/Contoso.pq", "Contoso", "no SourceImage in the Publish record"),
			func() checks.Diagnostic {
				d := diag(ruleURLValue, "Fabrikam, Inc/resources.resx", "Fabrikam, Inc",
					"value \"100%, see: https://x.example\" is a URL\nmove it into the connector's code")
				d.Line, d.Column, d.EndLine, d.EndColumn = 3, 12, 3, 12
				return d
			}(),
		},
		Rules:   []*checks.Rule{ruleInvalidVersion, ruleNotBumped, ruleMissingIcons, ruleUnusedKey, ruleURLValue},
		Tool:    "check-certification",
		Version: "1.2.3",
		Root:    "/work/repo",
	}
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}

func render(t *testing.T, format string, opts Options, r *Result) []byte {
	t.Helper()
	rep, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.Report(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden, format string
		opts           Options
	}{
		{"text.golden", "text", Options{}},
		{"text_color_summary.golden", "text", Options{Color: true, Summary: true}},
		{"json.golden", "json", Options{}},
		{"sarif.golden", "sarif", Options{}},
		{"github.golden", "github", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, render(t, tt.format, tt.opts, fixture()))
		})
	}
}

func TestNoFindings(t *testing.T) {
	empty := &Result{Tool: "check-resx-strings"}
	for _, tt := range []struct {
		format string
		opts   Options
		want   string
	}{
		{"text", Options{}, ""},
		{"text", Options{Summary: true}, "no findings\n"},
		{"json", Options{}, "{\"diagnostics\":[]}\n"},
		{"github", Options{}, ""},
	} {
		if got := string(render(t, tt.format, tt.opts, empty)); got != tt.want {
			t.Errorf("%s %+v: got %q, want %q", tt.format, tt.opts, got, tt.want)
		}
	}
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", Options{}, empty), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Results == nil || len(run.Results) != 0 || run.Tool.Driver.Version != "0.0.0-dev" || run.OriginalURIBaseIDs != nil {
		t.Errorf("empty SARIF run: %+v", run)
	}
}

func TestNewUnknownFormat(t *testing.T) {
	_, err := New("xml", Options{})
	if err == nil || err.Error() != `unknown format "xml": valid formats are text, json, sarif, github` {
		t.Errorf("got %v", err)
	}
}

func TestSARIFVersion(t *testing.T) {
	for in, want := range map[string]string{
		"": "0.0.0-dev", "dev": "0.0.0-dev", "(devel)": "0.0.0-dev", "v1.4.0": "1.4.0", "1.4.0-rc.1": "1.4.0-rc.1", "abc123": "0.0.0-abc123",
	} {
		if got := version(in); got != want {
			t.Errorf("version(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSummary(t *testing.T) {
	d := func(sev checks.Severity, conn string) checks.Diagnostic {
		return checks.Diagnostic{Severity: sev, Connector: conn}
	}
	for _, tt := range []struct {
		diags []checks.Diagnostic
		want  string
	}{
		{nil, "no findings"},
		{[]checks.Diagnostic{d(checks.Error, "A")}, "1 error in 1 connector"},
		{[]checks.Diagnostic{d(checks.Warning, "")}, "1 warning"},
		{[]checks.Diagnostic{d(checks.Error, "A"), d(checks.Error, "B"), d(checks.Error, "A"), d(checks.Warning, "B")},
			"3 errors, 1 warning in 2 connectors"},
	} {
		if got := Summary(tt.diags); got != tt.want {
			t.Errorf("Summary = %q, want %q", got, tt.want)
		}
	}
}

// TestCarets checks the caret line's edge cases one by one.
func TestCarets(t *testing.T) {
	src := token.NewFile("a.pq", []byte("\tab\tc\u00e9 x\nnext\n"))
	for _, tt := range []struct {
		name                       string
		line, col, endLine, endCol int
		want                       string
	}{
		{"point", 1, 2, 1, 2, "    ^"},
		{"span over a tab", 1, 3, 1, 6, "     ^~~~"},
		{"past the line end", 1, 6, 1, 40, "         ^~~"},
		{"onto the next line", 1, 8, 2, 3, "           ^"},
		{"at the end of the line", 1, 9, 0, 0, "            ^"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := checks.Diagnostic{Rule: "PQ001", Name: "syntax-error", Severity: checks.Error, File: "a.pq",
				Line: tt.line, Column: tt.col, EndLine: tt.endLine, EndColumn: tt.endCol, Message: "m", Source: src}
			out := string(render(t, "text", Options{}, &Result{Diagnostics: []checks.Diagnostic{d}}))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 3 || lines[1] != "  1 |     ab  cé x" || lines[2] != "    | "+tt.want {
				t.Errorf("got\n%s\nwant caret line %q", out, "    | "+tt.want)
			}
		})
	}
}

func TestTextSanitizesControlCharacters(t *testing.T) {
	src := token.NewFile("a.pq", []byte("x = \"\x1b[31mred\";\n"))
	d := checks.Diagnostic{Rule: "PQ001", Severity: checks.Error, File: "a.pq", Line: 1, Column: 1, Source: src}
	out := string(render(t, "text", Options{}, &Result{Diagnostics: []checks.Diagnostic{d}}))
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequence passed through: %q", out)
	}
}

func TestSARIFRuleNotListed(t *testing.T) {
	r := fixture()
	r.Rules = nil
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", Options{}, r), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	for _, res := range run.Results {
		if res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d", res.RuleID, res.RuleIndex)
		}
	}
}
