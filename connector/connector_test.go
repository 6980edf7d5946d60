package connector

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pqcert/pqcert/snapshot"
)

// tree builds a folder snapshot of files, each with default content:
// a section document for a candidate name (Name.pq, Name.m), a line of
// text otherwise.
func tree(t *testing.T, files ...string) snapshot.Snapshot {
	t.Helper()
	return treeOf(t, contents(files))
}

// contents gives each of files its defaultContent.
func contents(files []string) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f] = defaultContent(f)
	}
	return m
}

func defaultContent(f string) string {
	if isSectionDoc(f) {
		return "section S;\n// content of " + path.Base(f) + "\n"
	}
	return "content of " + path.Base(f) + "\n"
}

// treeOf builds a folder snapshot of files (path → content).
func treeOf(t *testing.T, files map[string]string) snapshot.Snapshot {
	t.Helper()
	dir := t.TempDir()
	for f, c := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := snapshot.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var repoLayout = []string{
	"README.md",
	"Contoso/Contoso.pq", "Contoso/Contoso.query.pq", "Contoso/Helpers.pqm", "Contoso/lib/Table.pqm",
	"Contoso/resources.resx", "Contoso/resources.de-DE.resx", "Contoso/Contoso16.png", "Contoso/Images/Contoso32.png",
	"Contoso/Contoso.mproj", "Contoso/bin/AnyCPU/Debug/Contoso.mez", "Contoso/obj/x.pq", "Contoso/docs/usage.md",
	"Contoso/notes.txt",
	"Legacy/Legacy.m", "Legacy/Legacy.png",
	"Contoso/Nested/Nested.pq", "Contoso/Nested/Nested.pqm",
	"Twin/A.pq", "Twin/B.pq", "Twin/icon.png",
	"tests/only.query.pq",
}

func TestDiscover(t *testing.T) {
	pkgs, err := Discover(tree(t, repoLayout...))
	var amb *AmbiguousError
	if !errors.As(err, &amb) || !reflect.DeepEqual(amb.Dirs, map[string][]string{"Twin": {"Twin/A.pq", "Twin/B.pq"}}) {
		t.Fatalf("err = %v, want Twin reported as ambiguous", err)
	}
	want := []Package{
		{Dir: "Contoso", Main: "Contoso/Contoso.pq", Files: []string{
			"Contoso/Contoso.pq", "Contoso/Contoso16.png", "Contoso/Helpers.pqm", "Contoso/Images/Contoso32.png",
			"Contoso/lib/Table.pqm", "Contoso/resources.de-DE.resx", "Contoso/resources.resx"}},
		{Dir: "Contoso/Nested", Main: "Contoso/Nested/Nested.pq", Files: []string{"Contoso/Nested/Nested.pq", "Contoso/Nested/Nested.pqm"}},
		{Dir: "Legacy", Main: "Legacy/Legacy.m", Files: []string{"Legacy/Legacy.m", "Legacy/Legacy.png"}},
	}
	if !reflect.DeepEqual(pkgs, want) {
		t.Errorf("Discover:\ngot:  %+v\nwant: %+v", pkgs, want)
	}
}

func affected(t *testing.T, before, after []string) []Touched {
	t.Helper()
	return affectedOf(t, contents(before), contents(after))
}

func TestAffected(t *testing.T) {
	base := []string{"C/C.pq", "C/C.pqm", "C/C.query.pq", "C/bin/C.mez", "D/D.pq", "D/resources.resx"}
	with := func(extra ...string) []string { return append(append([]string{}, base...), extra...) }
	cases := []struct {
		name          string
		before, after []string
		want          []Touched
	}{
		{"unpackaged files only", base, with("C/C2.query.pq", "C/bin/other.dll", "C/README.md"), nil},
		{"packaged file added", base, with("C/icon.png"),
			[]Touched{{Dir: "C", Main: "C/C.pq", Status: "modified", Changed: []string{"C/icon.png"},
				After:  &Package{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq", "C/C.pqm", "C/icon.png"}},
				Before: &Package{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq", "C/C.pqm"}}}}},
		{"packaged file deleted", base, []string{"C/C.pq", "C/C.query.pq", "C/bin/C.mez", "D/D.pq", "D/resources.resx"},
			[]Touched{{Dir: "C", Main: "C/C.pq", Status: "modified", Changed: []string{"C/C.pqm"},
				After:  &Package{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq"}},
				Before: &Package{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq", "C/C.pqm"}}}}},
		{"connector added", base, with("E/E.pq", "E/E.png"),
			[]Touched{{Dir: "E", Main: "E/E.pq", Status: "added", Changed: []string{"E/E.png", "E/E.pq"},
				After: &Package{Dir: "E", Main: "E/E.pq", Files: []string{"E/E.png", "E/E.pq"}}}}},
		{"connector removed", base, []string{"C/C.pq", "C/C.pqm", "C/C.query.pq", "C/bin/C.mez"},
			[]Touched{{Dir: "D", Main: "D/D.pq", Status: "deleted", Changed: []string{"D/D.pq", "D/resources.resx"},
				Before: &Package{Dir: "D", Main: "D/D.pq", Files: []string{"D/D.pq", "D/resources.resx"}}}}},
		{"connector moved", base, []string{"C/C.pq", "C/C.pqm", "C/C.query.pq", "C/bin/C.mez", "New/D/D.pq", "New/D/resources.resx"},
			[]Touched{{Dir: "New/D", Main: "New/D/D.pq", Status: "moved", OldDir: "D", Changed: []string{"New/D/D.pq", "New/D/resources.resx"},
				After:  &Package{Dir: "New/D", Main: "New/D/D.pq", Files: []string{"New/D/D.pq", "New/D/resources.resx"}},
				Before: &Package{Dir: "D", Main: "D/D.pq", Files: []string{"D/D.pq", "D/resources.resx"}}}}},
		{"second section document makes it ambiguous, not deleted", base, with("D/Other.pq"),
			[]Touched{{Dir: "D", Main: "D/D.pq", Status: "ambiguous", Changed: []string{"D/Other.pq"},
				Before: &Package{Dir: "D", Main: "D/D.pq", Files: []string{"D/D.pq", "D/resources.resx"}}}}},
		{"packaged file moved to another connector", base, []string{"C/C.pq", "C/C.query.pq", "C/bin/C.mez", "D/D.pq", "D/C.pqm", "D/resources.resx"},
			[]Touched{
				{Dir: "C", Main: "C/C.pq", Status: "modified", Changed: []string{"C/C.pqm"},
					After:  &Package{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq"}},
					Before: &Package{Dir: "C", Main: "C/C.pq", Files: []string{"C/C.pq", "C/C.pqm"}}},
				{Dir: "D", Main: "D/D.pq", Status: "modified", Changed: []string{"D/C.pqm"},
					After:  &Package{Dir: "D", Main: "D/D.pq", Files: []string{"D/C.pqm", "D/D.pq", "D/resources.resx"}},
					Before: &Package{Dir: "D", Main: "D/D.pq", Files: []string{"D/D.pq", "D/resources.resx"}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := affected(t, c.before, c.after); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got:  %+v\nwant: %+v", got, c.want)
			}
		})
	}
}
