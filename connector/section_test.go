package connector

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pqcert/pqcert/snapshot"
)

func TestIsSectionSource(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want bool
	}{
		{"plain", "section Alpha;\nshared X = 1;", true},
		{"no space before the name", "section\tAlpha;", true},
		{"header only", "section", true},
		{"attributes", `[Version = "1.0.0"] section Alpha;`, true},
		{"nested records in attributes", `[A = [B = [C = 1]], L = {[D = 2], {[]}}, E = []] section Alpha;`, true},
		{"brackets inside text in attributes", `[A = "]]", B = "[", #"x]" = 1] section Alpha;`, true},
		{"attributes spanning lines, CRLF", "[\r\n  Version = \"1.0.0\",\r\n  Meta = [A = 1]\r\n]\r\nsection Alpha;\r\n", true},
		{"comments before", "// Alpha connector\n/* block\n comment */\nsection Alpha;", true},
		{"comments before the record", "/* c */ // d\n[A = 1] section Alpha;", true},
		{"comments inside and after the record", "[A = 1 /* ] */, // ]\n B = 2] /* x */ // y\nsection Alpha;", true},
		{"BOM", "\uFEFFsection Alpha;", true},
		{"BOM, comment, attributes", "\uFEFF// c\r\n[A = 1]\r\nsection Alpha;", true},
		{"invalid characters inside the record are skipped", "[A = 1 \x00 ` ] section Alpha;", true},
		{"errors after the header do not matter", "section Alpha; \x00 \"unterminated", true},

		{"empty", "", false},
		{"whitespace only", " \r\n\t", false},
		{"BOM only", "\uFEFF", false},
		{"comments only", "// section Alpha;\n/* section */", false},
		{"unterminated comment", "/* section Alpha;", false},
		{"expression document", "let Source = Alpha.Contents() in Source", false},
		{"section later in an expression", "let x = 1 in x\nsection Alpha;", false},
		{"section in a text", `"section"`, false},
		{"record expression", "[A = 1, B = [C = 2]]", false},
		{"record then an expression", "[A = 1] let x = 1 in x", false},
		{"two records", "[A = 1] [B = 2] section Alpha;", false},
		{"unbalanced record", "[A = [B = 1] section Alpha;", false},
		{"closing bracket first", "] section Alpha;", false},
		{"shared first", "shared section Alpha;", false},
		{"misspelt", "sectio Alpha;", false},
		{"wrong case", "Section Alpha;", false},
		{"longer identifier", "sections Alpha;", false},
		{"dotted identifier", "section.Alpha = 1", false},
		{"quoted identifier", `#"section" Alpha;`, false},
		{"function", "(x) => x", false},
		{"garbage", "\x00\x01\x02ELF\xff\xfe", false},
		{"invalid UTF-8 first", "\xff section Alpha;", false},
		{"UTF-16 BOM", "\xff\xfes\x00e\x00c\x00", false},
		{"XML", `<?xml version="1.0"?><root/>`, false},
	}
	for _, c := range cases {
		if got := IsSectionSource([]byte(c.src)); got != c.want {
			t.Errorf("%s: IsSectionSource(%q) = %v, want %v", c.name, c.src, got, c.want)
		}
	}
	for _, g := range genSources {
		if got := IsSectionSource([]byte(g.src)); got != g.section {
			t.Errorf("generator source %q: IsSectionSource = %v, want %v", g.src, got, g.section)
		}
	}
}

// TestIsSectionSourceHuge: only the start of a file is looked at, so a
// long file costs no more than a short one, and a header the scan cannot
// reach counts as none.
func TestIsSectionSourceHuge(t *testing.T) {
	long := func(head, fill, tail string, size int) []byte {
		var b strings.Builder
		b.WriteString(head)
		for b.Len() < size {
			b.WriteString(fill)
		}
		b.WriteString(tail)
		return []byte(b.String())
	}
	const mb = 1 << 20
	cases := []struct {
		name string
		src  []byte
		want bool
	}{
		{"section then 64 MB", long("section Alpha;\n", "shared X = \"section\";\n", "", 64*mb), true},
		{"expression of 64 MB", long("let\n", "  x = 1,\n", "in x", 64*mb), false},
		{"unterminated record of 64 MB", long("[\n", "A = 1,\n", "", 64*mb), false},
		{"comments past the limit", long("", "// comment\n", "section Alpha;", peekLimit), false},
		{"record past the limit", long("[", "A = 1,", "] section Alpha;", peekLimit), false},
		{"header just inside the limit", long("", " ", "section Alpha;", peekLimit-len("section Alpha;")-10), true},
		// The cut falls right after "section": what follows might make it
		// another word, so it is undecided, and so no section document.
		{"header cut at the limit", []byte(strings.Repeat(" ", peekLimit-len("section")) + "sectionAlpha = 1;"), false},
		{"text cut at the limit", []byte(strings.Repeat(" ", peekLimit-10) + `"section ` + strings.Repeat("x", 100) + `"`), false},
	}
	for _, c := range cases {
		start := time.Now()
		got := IsSectionSource(c.src)
		if got != c.want {
			t.Errorf("%s: IsSectionSource = %v, want %v", c.name, got, c.want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
	}
	// A header right at the start of a long file allocates nothing in
	// proportion to the file.
	big := long("section Alpha;\n", "shared X = 1;\n", "", 16*mb)
	if a := testing.AllocsPerRun(10, func() { IsSectionSource(big) }); a > 10 {
		t.Errorf("IsSectionSource of a 16 MB file: %v allocations", a)
	}
}

func sortedPackages(t *testing.T, s snapshot.Snapshot) ([]Package, map[string][]string) {
	t.Helper()
	pkgs, err := Discover(s)
	var amb *AmbiguousError
	if err != nil && !errors.As(err, &amb) {
		t.Fatal(err)
	}
	if amb == nil {
		return pkgs, nil
	}
	return pkgs, amb.Dirs
}

const (
	sectionSrc = "section Alpha;\nshared Alpha.Contents = () => 1;\n"
	querySrc   = "let Source = Alpha.Contents() in Source\n"
	brokenSrc  = "sectoin Alpha;\nshared Alpha.Contents = () => 1;\n"
)

func TestDiscoverByContent(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []Package
		amb   map[string][]string
	}{
		{"one loose query", map[string]string{"q2/Report.pq": querySrc}, nil, nil},
		{"loose queries", map[string]string{"queries/Debug.pq": querySrc, "queries/Sales.pq": querySrc, "queries/README.md": "x"}, nil, nil},
		{"loose query at the root", map[string]string{"Report.pq": querySrc, "README.md": "x"}, nil, nil},
		{"empty candidate", map[string]string{"E/E.pq": ""}, nil, nil},
		{"connector with query files beside it",
			map[string]string{"C/C.pq": sectionSrc, "C/Test.pq": querySrc, "C/Debug.m": querySrc, "C/C.query.pq": querySrc, "C/resources.resx": "<root/>"},
			[]Package{{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq", "C/resources.resx"}}}, nil},
		{"connector with attributes, BOM, CRLF",
			map[string]string{"C/C.pq": "\uFEFF// Alpha\r\n[\r\n Version = \"1.0.0\"\r\n]\r\nsection Alpha;\r\n", "C/Test.pq": querySrc},
			[]Package{{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq"}}}, nil},
		{"broken header with resources.resx", map[string]string{"B/B.pq": brokenSrc, "B/resources.resx": "<root/>"},
			[]Package{{Dir: "B", Main: "B/B.pq", Files: []string{"B/B.pq", "B/resources.resx"}}}, nil},
		{"broken header with a module", map[string]string{"B/B.pq": brokenSrc, "B/Lib.pqm": "1"},
			[]Package{{Dir: "B", Main: "B/B.pq", Files: []string{"B/B.pq", "B/Lib.pqm"}}}, nil},
		{"broken header with an icon", map[string]string{"B/B.pq": brokenSrc, "B/B16.png": "png"},
			[]Package{{Dir: "B", Main: "B/B.pq", Files: []string{"B/B.pq", "B/B16.png"}}}, nil},
		{"expression document with an icon", map[string]string{"B/B.pq": querySrc, "B/B16.png": "png"},
			[]Package{{Dir: "B", Main: "B/B.pq", Files: []string{"B/B.pq", "B/B16.png"}}}, nil},
		{"broken header alone is a loose query", map[string]string{"B/B.pq": brokenSrc, "B/notes.txt": "x"}, nil, nil},
		{"icon in a subfolder is no companion", map[string]string{"B/B.pq": brokenSrc, "B/Images/B16.png": "png"}, nil, nil},
		{"two broken candidates with companions", map[string]string{"B/B.pq": brokenSrc, "B/Test.pq": querySrc, "B/resources.resx": "<root/>"}, nil, nil},
		{"one section document and a broken one", map[string]string{"B/B.pq": sectionSrc, "B/Old.pq": brokenSrc, "B/B.pqm": "1"},
			[]Package{{Dir: "B", Main: "B/B.pq", Files: []string{"B/B.pq", "B/B.pqm"}}}, nil},
		{"two section documents", map[string]string{"T/A.pq": sectionSrc, "T/B.pq": sectionSrc, "T/Q.pq": querySrc, "T/icon.png": "png"},
			nil, map[string][]string{"T": {"T/A.pq", "T/B.pq"}}},
		{"loose queries below a connector belong to no package; its icons do",
			map[string]string{"C/C.pq": sectionSrc, "C/tests/A.pq": querySrc, "C/tests/B.pq": querySrc, "C/tests/x.png": "png", "C/tests/T.pqm": "1"},
			[]Package{{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq", "C/tests/T.pqm", "C/tests/x.png"}}}, nil},
		{"a connector below a connector",
			map[string]string{"C/C.pq": sectionSrc, "C/Sub/S.pq": sectionSrc, "C/Sub/S.pqm": "1", "C/Broken/B.pq": brokenSrc, "C/Broken/B.png": "png"},
			[]Package{
				{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq"}},
				{Dir: "C/Broken", Main: "C/Broken/B.pq", Files: []string{"C/Broken/B.png", "C/Broken/B.pq"}},
				{Dir: "C/Sub", Main: "C/Sub/S.pq", Files: []string{"C/Sub/S.pq", "C/Sub/S.pqm"}}}, nil},
		{"the checks' bad examples",
			map[string]string{
				"checks/testdata/PQ002/bad_expression/Report.pq": querySrc,
				"checks/testdata/PQ002/bad_queries/A.pq":         querySrc, "checks/testdata/PQ002/bad_queries/B.pq": querySrc,
				"checks/testdata/PQ001/bad_header/Bad.pq": brokenSrc, "checks/testdata/PQ001/bad_header/resources.resx": "<root/>",
			},
			[]Package{{Dir: "checks/testdata/PQ001/bad_header", Main: "checks/testdata/PQ001/bad_header/Bad.pq",
				Files: []string{"checks/testdata/PQ001/bad_header/Bad.pq", "checks/testdata/PQ001/bad_header/resources.resx"}}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mem := &memSnap{files: c.files}
			for _, s := range []snapshot.Snapshot{mem, treeOf(t, c.files)} {
				pkgs, amb := sortedPackages(t, s)
				if len(pkgs) == 0 {
					pkgs = nil
				}
				if !reflect.DeepEqual(pkgs, c.want) || !reflect.DeepEqual(amb, c.amb) {
					t.Errorf("%s: Discover = %+v, ambiguous %v\nwant %+v, ambiguous %v", s.Name(), pkgs, amb, c.want, c.amb)
				}
			}
			// Near discovery agrees, whatever the change: every file added,
			// and every file removed.
			empty := &memSnap{files: map[string]string{}}
			add, err := snapshot.Diff(empty, mem)
			if err != nil {
				t.Fatal(err)
			}
			compareNearFull(t, "added", add, empty, mem)
			del, err := snapshot.Diff(mem, empty)
			if err != nil {
				t.Fatal(err)
			}
			compareNearFull(t, "deleted", del, mem, empty)
		})
	}
}

func affectedOf(t *testing.T, before, after map[string]string) []Touched {
	t.Helper()
	b, a := treeOf(t, before), treeOf(t, after)
	cs, err := snapshot.Diff(b, a)
	if err != nil {
		t.Fatal(err)
	}
	compareNearFull(t, "affectedOf", cs, b, a)
	got, err := Affected(cs, b, a)
	var amb *AmbiguousError
	if err != nil && !errors.As(err, &amb) {
		t.Fatal(err)
	}
	return got
}

func TestAffectedByContent(t *testing.T) {
	with := func(base map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == "\x00delete" {
				delete(out, kv[i])
			} else {
				out[kv[i]] = kv[i+1]
			}
		}
		return out
	}
	lone := map[string]string{"C/C.pq": sectionSrc, "Q/Report.pq": querySrc}
	resx := map[string]string{"C/C.pq": sectionSrc, "C/resources.resx": "<root/>"}
	cPkg := func(files ...string) *Package { return &Package{Dir: "C", Main: "C/C.pq", Files: files} }
	cases := []struct {
		name          string
		before, after map[string]string
		want          []Touched
	}{
		{"a loose query is edited", lone, with(lone, "Q/Report.pq", querySrc+"// more\n"), nil},
		{"a loose query is added beside a connector", lone, with(lone, "C/Test.pq", querySrc), nil},
		{"a second loose query is added", lone, with(lone, "Q/Debug.pq", querySrc), nil},
		{"the header is edited away: no connector any more", lone, with(lone, "C/C.pq", querySrc),
			[]Touched{{Dir: "C", Main: "C/C.pq", Status: "deleted", Changed: []string{"C/C.pq"}, Before: cPkg("C/C.pq")}}},
		{"the header is broken, resources.resx beside it: still checked", resx, with(resx, "C/C.pq", brokenSrc),
			[]Touched{{Dir: "C", Main: "C/C.pq", Status: "modified", Changed: []string{"C/C.pq"},
				After: cPkg("C/C.pq", "C/resources.resx"), Before: cPkg("C/C.pq", "C/resources.resx")}}},
		{"a loose query becomes a section document", lone, with(lone, "Q/Report.pq", "section Report;\n"),
			[]Touched{{Dir: "Q", Main: "Q/Report.pq", Status: "added", Changed: []string{"Q/Report.pq"},
				After: &Package{Dir: "Q", Main: "Q/Report.pq", Files: []string{"Q/Report.pq"}}}}},
		{"a query beside a connector becomes a second section document", with(lone, "C/Test.pq", querySrc), with(lone, "C/Test.pq", sectionSrc),
			[]Touched{{Dir: "C", Main: "C/C.pq", Status: "ambiguous", Changed: []string{"C/Test.pq"}, Before: cPkg("C/C.pq")}}},
		{"an icon is added beside a loose query: a connector to check", lone, with(lone, "Q/icon.png", "png"),
			[]Touched{{Dir: "Q", Main: "Q/Report.pq", Status: "added", Changed: []string{"Q/icon.png"},
				After: &Package{Dir: "Q", Main: "Q/Report.pq", Files: []string{"Q/Report.pq", "Q/icon.png"}}}}},
		{"the broken connector's resx goes: a loose query", with(resx, "C/C.pq", brokenSrc), with(resx, "C/C.pq", brokenSrc, "C/resources.resx", "\x00delete"),
			[]Touched{{Dir: "C", Main: "C/C.pq", Status: "deleted", Changed: []string{"C/resources.resx"}, Before: cPkg("C/C.pq", "C/resources.resx")}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := affectedOf(t, c.before, c.after); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got:  %s\nwant: %s", dumpTouched(got), dumpTouched(c.want))
			}
		})
	}
}

// countingSnap counts ReadFile calls, and fails those of one path.
type countingSnap struct {
	*memSnap
	reads int
	fail  string
}

func (c *countingSnap) ReadFile(p string) ([]byte, error) {
	c.reads++
	if p == c.fail {
		return nil, errors.New("disk on fire")
	}
	return c.memSnap.ReadFile(p)
}

// TestNearReadsFew: near discovery reads the candidates of the folders
// around the change, not those of the whole repository.
func TestNearReadsFew(t *testing.T) {
	before := &memSnap{files: map[string]string{}}
	for i := range 200 {
		before.files[fmt.Sprintf("queries%d/A.pq", i)] = querySrc
		before.files[fmt.Sprintf("queries%d/B.pq", i)] = querySrc
		before.files[fmt.Sprintf("C%d/C.pq", i)] = sectionSrc
	}
	after := before.clone()
	after.files["queries7/A.pq"] = querySrc + "// edited\n"
	changes, err := snapshot.Diff(before, after)
	if err != nil {
		t.Fatal(err)
	}
	b, a := &countingSnap{memSnap: before}, &countingSnap{memSnap: after}
	im, err := Analyze(changes, b, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Touched) != 0 || len(im.AmbiguousAfter) != 0 {
		t.Errorf("Analyze = %+v", im)
	}
	if b.reads > 2 || a.reads > 2 {
		t.Errorf("read %d files before, %d after; want the two in queries7 at most", b.reads, a.reads)
	}
}

func TestDiscoverReadError(t *testing.T) {
	s := &countingSnap{memSnap: &memSnap{files: map[string]string{"Q/A.pq": querySrc, "C/C.pq": sectionSrc}}, fail: "Q/A.pq"}
	if _, err := Discover(s); err == nil || !strings.Contains(err.Error(), "Q/A.pq") {
		t.Errorf("Discover = %v, want the read error", err)
	}
	// A file that is listed but gone when read is no section document.
	gone := &memSnap{files: map[string]string{"Q/A.pq": querySrc}}
	gone.Files()
	delete(gone.files, "Q/A.pq")
	if pkgs, err := Discover(gone); err != nil || len(pkgs) != 0 {
		t.Errorf("Discover of a vanished file = %v, %v", pkgs, err)
	}
}
