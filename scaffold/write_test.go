package scaffold

import (
	"flag"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden trees in testdata/golden")

// TestGolden renders two scaffolds and compares every file, icons
// included, with testdata/golden/<case>/ (go test -update rewrites it).
func TestGolden(t *testing.T) {
	cases := map[string]Options{
		"anonymous": {Name: "Contoso"},
		"everything": {Name: "Tailspin_Toys", Auth: []string{"OAuth", "Aad", "Key", "UsernamePassword", "Windows"},
			URL: "https://data.tailspin.example.com/v2", Category: "Online Services", Function: "Feed",
			LearnMoreURL: "https://tailspin.example.com/docs", Version: "v1.2.3"},
	}
	for name, o := range cases {
		t.Run(name, func(t *testing.T) {
			files, err := Render(o, o.Name)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				os.RemoveAll(golden)
			}
			var want []string
			filepath.Walk(golden, func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() {
					rel, _ := filepath.Rel(golden, p)
					want = append(want, filepath.ToSlash(rel))
				}
				return nil
			})
			var got []string
			for _, f := range files {
				rel := f.Path
				if !f.Repo {
					rel = o.Name + "/" + f.Path
				}
				got = append(got, rel)
				p := filepath.Join(golden, filepath.FromSlash(rel))
				if *update {
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if b, err := os.ReadFile(p); err != nil || string(b) != string(f.Data) {
					t.Errorf("%s differs from its golden file (go test ./scaffold -update to accept)", rel)
				}
			}
			sort.Strings(got)
			if !*update && strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestWriteIsAtomic: while files are being staged the connector folder
// does not exist; staging happens in a hidden temporary folder that is
// gone afterwards.
func TestWriteIsAtomic(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "Contoso")
	staged := false
	afterStage = func(tmp string) {
		staged = true
		if _, err := os.Stat(target); err == nil {
			t.Error("Contoso/ exists before the rename")
		}
		if _, err := os.Stat(filepath.Join(tmp, "Contoso", "Contoso.pq")); err != nil {
			t.Errorf("staging folder lacks the section document: %v", err)
		}
	}
	defer func() { afterStage = func(string) {} }()
	if _, err := Write(Options{Name: "Contoso", Dir: parent}); err != nil {
		t.Fatal(err)
	}
	if !staged {
		t.Fatal("afterStage not called")
	}
	ents, _ := os.ReadDir(parent)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != ".gitignore .pre-commit-config.yaml Contoso Makefile" {
		t.Errorf("parent holds %s", got)
	}
}

// TestWriteRaceLeavesNothingHalfMade: a folder that appears between the
// check and the rename is not replaced, and nothing of the scaffold stays.
func TestWriteRaceLeavesNothingHalfMade(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "Contoso")
	afterStage = func(string) {
		os.Mkdir(target, 0o755)
		os.WriteFile(filepath.Join(target, "theirs.txt"), []byte("theirs"), 0o644)
	}
	defer func() { afterStage = func(string) {} }()
	if _, err := Write(Options{Name: "Contoso", Dir: parent}); err == nil {
		t.Fatal("Write succeeded over a folder that appeared meanwhile")
	}
	ents, _ := os.ReadDir(target)
	if len(ents) != 1 || ents[0].Name() != "theirs.txt" {
		t.Errorf("Contoso/ holds %v, want only theirs.txt", ents)
	}
	left, _ := filepath.Glob(filepath.Join(parent, ".*"))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestIconMathNotFused: no floating-point multiply-add in the icon code is
// fused into an FMA on arm64 or amd64 v3, where the fused result's last
// bit differs and "same name, same bytes" would break. The compiler's own
// assembly is the evidence.
func TestIconMathNotFused(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package twice")
	}
	goBin := testtool.Need(t, "go", "install Go")
	fused := regexp.MustCompile(`\s(FMADDD|FMSUBD|FNMADDD|FNMSUBD|VFN?M(ADD|SUB)\d*SD)\s.*|\((\S*/scaffold/(icon|glyphs)\.go:\d+)\)\s+(FMADDD|FMSUBD|FNMADDD|FNMSUBD|VFN?M(ADD|SUB)\d*SD)\b`)
	for _, env := range [][]string{{"GOARCH=arm64"}, {"GOARCH=amd64", "GOAMD64=v3"}} {
		cmd := exec.Command(goBin, "build", "-o", os.DevNull, "-gcflags=-S", ".")
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v go build: %v\n%s", env, err, out)
		}
		n := 0
		for _, line := range strings.Split(string(out), "\n") {
			if (strings.Contains(line, "/scaffold/icon.go:") || strings.Contains(line, "/scaffold/glyphs.go:")) && fused.MatchString(line) {
				n++
				if n <= 5 {
					t.Errorf("%v: fused: %s", env, strings.TrimSpace(line))
				}
			}
		}
		if n > 5 {
			t.Errorf("%v: %d fused instructions in all", env, n)
		}
	}
}

// TestStagingFolderIgnored: the staging folder Write makes (what an
// interrupted run leaves) matches a pattern of the .gitignore it writes.
func TestStagingFolderIgnored(t *testing.T) {
	var staged string
	afterStage = func(tmp string) { staged = filepath.Base(tmp) }
	defer func() { afterStage = func(string) {} }()
	dir := t.TempDir()
	res, err := Write(Options{Name: "Ñandu", Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	matched := false
	for _, line := range strings.Split(string(ignore), "\n") {
		pat := strings.TrimSuffix(line, "/")
		if ok, _ := path.Match(pat, staged); ok && line != "" && !strings.HasPrefix(line, "#") {
			matched = true
		}
	}
	if !matched || !strings.HasPrefix(staged, ".Ñandu.scaffold-") {
		t.Errorf("staging folder %q is not ignored by:\n%s", staged, ignore)
	}
	if len(res.Written) == 0 {
		t.Error("nothing written")
	}
}

// TestWriteConnectorsLine: a folder becomes one Makefile word that sh reads
// back as the folder; adding it to a CONNECTORS line keeps a comment on
// the line and does not list it twice; only the line after the marker is
// the scaffold's own.
func TestWriteConnectorsLine(t *testing.T) {
	if got := makeWord(`O'Brien $HOME #2/Fabrikam`); got != `'O'\''Brien $$HOME \#2/Fabrikam'` {
		t.Errorf("makeWord = %s", got)
	}
	for _, c := range []struct{ line, word, want string }{
		{"CONNECTORS := 'A'", "'B'", "CONNECTORS := 'A' 'B'"},
		{"CONNECTORS := 'A'   # ours", "'B'", "CONNECTORS := 'A' 'B' # ours"},
		{`CONNECTORS := 'A\#1' 'B'`, "'B'", ""},
		{"CONNECTORS :=", "'B'", "CONNECTORS := 'B'"},
	} {
		got, listed := withConnector(c.line, c.word)
		if listed != (c.want == "") || !listed && got != c.want {
			t.Errorf("withConnector(%q, %q) = %q, %v; want %q", c.line, c.word, got, listed, c.want)
		}
	}
	files, err := Render(Options{Name: "Contoso"}, "Contoso")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == "Makefile" {
			i, ours := connectorsLine(strings.Split(string(f.Data), "\n"))
			if i < 0 || !ours {
				t.Errorf("the Makefile has no marked CONNECTORS line:\n%s", f.Data)
			}
		}
	}
	if i, ours := connectorsLine([]string{"# mine", "CONNECTORS = 'A'"}); i != 1 || ours {
		t.Errorf("a user's CONNECTORS line: %d, %v; want 1, false", i, ours)
	}
	if _, err := Render(Options{Name: "Contoso"}, "a\nb/Contoso"); err == nil {
		t.Error("a folder with a line break was accepted")
	}
}
