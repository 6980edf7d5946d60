package connector

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
	"github.com/pqcert/pqcert/snapshot"
)

// affectedFull is Affected as it was before it learned to look only near
// the change: Discover on both snapshots, every package and every packaged
// file known, then the same decisions. The property tests hold the near
// version to it.
func affectedFull(changes []snapshot.Change, before, after snapshot.Snapshot) ([]Touched, map[string][]string, map[string][]string, error) {
	side := func(s snapshot.Snapshot) (func(string) *Package, map[string]*Package, map[string][]string, error) {
		pkgs, err := Discover(s)
		var amb *AmbiguousError
		if err != nil && !errors.As(err, &amb) {
			return nil, nil, nil, err
		}
		files, dirs := map[string]*Package{}, map[string]*Package{}
		for i := range pkgs {
			p := &pkgs[i]
			dirs[p.Dir] = p
			for _, f := range p.Files {
				files[f] = p
			}
		}
		var ambDirs map[string][]string
		if amb != nil {
			ambDirs = amb.Dirs
		}
		return func(p string) *Package { return files[p] }, dirs, ambDirs, nil
	}
	bowner, bdir, bamb, err := side(before)
	if err != nil {
		return nil, nil, nil, err
	}
	aowner, adir, aamb, err := side(after)
	if err != nil {
		return nil, nil, nil, err
	}
	return decide(changes, bowner, aowner, bdir, adir, aamb), bamb, aamb, nil
}

// memSnap is an in-memory snapshot without DirLister: near discovery
// falls back to filtering Files.
type memSnap struct {
	files  map[string]string // path → content
	modes  map[string]uint32
	listed []snapshot.Entry // Files, once the snapshot is complete
}

func (m *memSnap) Name() string { return "mem" }

func (m *memSnap) Files() ([]snapshot.Entry, error) {
	if m.listed != nil {
		return m.listed, nil
	}
	out := []snapshot.Entry{}
	for p := range m.files {
		e, _ := m.Stat(p)
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	m.listed = out
	return out, nil
}

func (m *memSnap) Stat(p string) (snapshot.Entry, bool) {
	c, ok := m.files[p]
	if !ok {
		return snapshot.Entry{}, false
	}
	mode := m.modes[p]
	if mode == 0 {
		mode = snapshot.ModeFile
	}
	return snapshot.Entry{Path: p, Mode: mode, Hash: snapshot.BlobHash(sha1.New(), []byte(c)), Size: -1}, true
}

func (m *memSnap) ReadFile(p string) ([]byte, error) {
	c, ok := m.files[p]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return []byte(c), nil
}

func (m *memSnap) clone() *memSnap {
	c := &memSnap{files: map[string]string{}, modes: map[string]uint32{}}
	for k, v := range m.files {
		c.files[k] = v
	}
	for k, v := range m.modes {
		c.modes[k] = v
	}
	return c
}

var (
	genDirs  = []string{"A", "B", "Contoso", "lib", "Images", "bin", "obj", "docs", "Sub", "node_modules"}
	genFiles = []string{"Main.pq", "Other.pq", "Legacy.m", "T.query.pq", "Q.query.m", "H.pqm", "resources.resx",
		"resources.de-DE.resx", "icon.png", "Icon32.PNG", "README.md", "x.PQ", "notes.txt", "Helpers.pqm"}
)

func genPath(r *rand.Rand) string {
	var parts []string
	for range r.Intn(4) {
		parts = append(parts, genDirs[r.Intn(len(genDirs))])
	}
	return strings.Join(append(parts, genFiles[r.Intn(len(genFiles))]), "/")
}

// genSources are the documents genContent picks from: section documents
// in their many spellings, expression documents (loose queries), broken
// headers, and text that is no M at all.
var genSources = []struct {
	src     string
	section bool
}{
	{"section S;\nshared X = 1;\n", true},
	{"[Version = \"1.0.0\"]\nsection S;\n", true},
	{"[\r\n  Version = \"1.0.0\",\r\n  Meta = [A = {1, [B = \"]\"]}]\r\n]\r\nsection S;\r\n", true},
	{"\uFEFF// header\r\n/* block */ [A = 1] /* ] */ section S;\r\n", true},
	{"/* before */\n// the record\n[A = 1]\nsection S;\n", true},
	{"let Source = Alpha.Contents() in Source\n", false},
	{"// section S;\nlet x = \"section\" in x\n", false},
	{"sectio S;\n", false},
	{"[Version = \"1.0.0\" section S;\n", false},
	{"[A = 1] [B = 2] section S;\n", false},
	{"[A = 1]\n", false},
	{"shared section S;\n", false},
	{"content\n", false},
}

// genContent is a random document, section or not, unique by n (but for
// the occasional empty file).
func genContent(r *rand.Rand, n int) string {
	if r.Intn(30) == 0 {
		return ""
	}
	g := genSources[r.Intn(len(genSources))]
	return fmt.Sprintf("%s// %d %d\n", g.src, r.Int63(), n)
}

// genChange builds a random before snapshot and a random after one: files
// added, deleted, modified, renamed (the same content elsewhere, which Diff
// pairs as a rename), whole folders moved, section documents added to
// make a folder ambiguous or removed to make it a package again.
func genChange(r *rand.Rand) (*memSnap, *memSnap) {
	before := &memSnap{files: map[string]string{}, modes: map[string]uint32{}}
	n := 0
	content := func() string { n++; return genContent(r, n) }
	usable := func(s *memSnap, p string) bool {
		// A path cannot be both a file and a folder.
		for q := range s.files {
			if q == p || strings.HasPrefix(q, p+"/") || strings.HasPrefix(p, q+"/") {
				return false
			}
		}
		return true
	}
	for range 5 + r.Intn(40) {
		if p := genPath(r); usable(before, p) {
			before.files[p] = content()
			if r.Intn(40) == 0 {
				before.modes[p] = snapshot.ModeGitlink
			}
		}
	}
	after := before.clone()
	paths := func() []string {
		var ps []string
		for p := range after.files {
			ps = append(ps, p)
		}
		sort.Strings(ps)
		return ps
	}
	for range 1 + r.Intn(6) {
		ps := paths()
		switch op := r.Intn(8); {
		case op == 0 && len(ps) > 0: // delete
			delete(after.files, ps[r.Intn(len(ps))])
		case op == 1 && len(ps) > 0: // modify
			after.files[ps[r.Intn(len(ps))]] = content()
		case op == 2 && len(ps) > 0: // rename a file
			from := ps[r.Intn(len(ps))]
			c := after.files[from]
			delete(after.files, from)
			if to := genPath(r); usable(after, to) {
				after.files[to] = c
			} else {
				after.files[from] = c
			}
		case op == 3 && len(ps) > 0: // move a whole folder
			from := dirOf(ps[r.Intn(len(ps))])
			to := genDirs[r.Intn(len(genDirs))] + "/" + genDirs[r.Intn(len(genDirs))]
			moved := map[string]string{}
			for _, p := range ps {
				if from == "" || strings.HasPrefix(p, from+"/") {
					rest := strings.TrimPrefix(strings.TrimPrefix(p, from), "/")
					moved[to+"/"+rest] = after.files[p]
					delete(after.files, p)
				}
			}
			for p, c := range moved {
				if usable(after, p) {
					after.files[p] = c
				}
			}
		case op == 4 && len(ps) > 0: // a second section document next to a file
			d := dirOf(ps[r.Intn(len(ps))])
			p := strings.TrimPrefix(d+"/Second.pq", "/")
			if usable(after, p) {
				n++
				after.files[p] = fmt.Sprintf("section Second;\n// %d\n", n)
			}
		case op == 6 && len(ps) > 0: // a loose query next to a file
			d := dirOf(ps[r.Intn(len(ps))])
			p := strings.TrimPrefix(d+"/Query.pq", "/")
			if usable(after, p) {
				n++
				after.files[p] = fmt.Sprintf("let Source = Alpha.Contents() in Source // %d\n", n)
			}
		case op == 5 && len(ps) > 0: // mode change
			p := ps[r.Intn(len(ps))]
			if after.modes[p] == 0 {
				after.modes[p] = snapshot.ModeExecutable
			} else {
				delete(after.modes, p)
			}
		default: // add
			if p := genPath(r); usable(after, p) {
				after.files[p] = content()
			}
		}
	}
	return before, after
}

// underAny keeps the folders that are an ancestor of a changed path.
func underAny(amb map[string][]string, changes []snapshot.Change) map[string][]string {
	out := map[string][]string{}
	for d, docs := range amb {
		for _, c := range changes {
			for _, p := range []string{c.Path, c.OldPath} {
				if p != "" && (d == "" || strings.HasPrefix(p, d+"/")) {
					out[d] = docs
				}
			}
		}
	}
	return out
}

func compareNearFull(t *testing.T, what string, changes []snapshot.Change, before, after snapshot.Snapshot) {
	t.Helper()
	want, wantB, wantA, err := affectedFull(changes, before, after)
	if err != nil {
		t.Fatalf("%s: full: %v", what, err)
	}
	im, err := Analyze(changes, before, after)
	if err != nil {
		t.Fatalf("%s: near: %v", what, err)
	}
	if !reflect.DeepEqual(im.Touched, want) {
		t.Fatalf("%s: changes %v\nnear: %s\nfull: %s", what, changes, dumpTouched(im.Touched), dumpTouched(want))
	}
	if w := underAny(wantB, changes); !reflect.DeepEqual(im.AmbiguousBefore, w) {
		t.Fatalf("%s: ambiguous before: near %v, full near the change %v", what, im.AmbiguousBefore, w)
	}
	if w := underAny(wantA, changes); !reflect.DeepEqual(im.AmbiguousAfter, w) {
		t.Fatalf("%s: ambiguous after: near %v, full near the change %v", what, im.AmbiguousAfter, w)
	}
	// Affected is Analyze with the ambiguity as an error.
	got, err := Affected(changes, before, after)
	var amb *AmbiguousError
	if (err != nil) != (len(im.AmbiguousBefore)+len(im.AmbiguousAfter) > 0) || (err != nil && !errors.As(err, &amb)) || !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Affected = %v, %v", what, got, err)
	}
}

func dumpTouched(ts []Touched) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "\n  %s %s old=%q main=%s changed=%v", t.Status, t.Dir, t.OldDir, t.Main, t.Changed)
		if t.After != nil {
			fmt.Fprintf(&b, " after=%v", *t.After)
		}
		if t.Before != nil {
			fmt.Fprintf(&b, " before=%v", *t.Before)
		}
	}
	return b.String()
}

// TestNearEqualsFull: over many random repositories and changes, looking
// only near the change gives what discovering both snapshots whole gives.
func TestNearEqualsFull(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	touched, statuses, ambiguous := 0, map[string]int{}, 0
	cases := 3000
	if testing.Short() {
		cases = 300
	}
	for i := range cases {
		before, after := genChange(r)
		changes, err := snapshot.Diff(before, after)
		if err != nil {
			t.Fatal(err)
		}
		compareNearFull(t, fmt.Sprintf("case %d", i), changes, before, after)
		ts, err := Affected(changes, before, after)
		touched += len(ts)
		for _, t := range ts {
			statuses[t.Status]++
		}
		if err != nil {
			ambiguous++
		}
	}
	if touched < cases/5 || len(statuses) < 4 || ambiguous < cases/20 {
		t.Fatalf("%d touched packages (%v), %d changes near an ambiguous folder in %d cases: the generator is too tame", touched, statuses, ambiguous, cases)
	}
	t.Logf("%d cases: touched %v; %d near an ambiguous folder", cases, statuses, ambiguous)
}

// TestNearEqualsFullGit runs the same property through real snapshots: a
// commit and the index (with the change Repo.Staged reports), and the
// work tree on disk against the commit, which answer ListDir and
// ListSubtree their own way.
func TestNearEqualsFullGit(t *testing.T) {
	testtool.Need(t, "git", "apt-get install git")
	r := rand.New(rand.NewSource(2))
	cases := 15
	if testing.Short() {
		cases = 4
	}
	for i := range cases {
		before, after := genChange(r)
		dir := t.TempDir()
		git := func(args ...string) {
			cmd := exec.Command("git", args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t",
				"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		// Gitlinks need a real submodule; plain files stand in for them.
		place := func(s *memSnap) {
			for p, c := range s.files {
				f := filepath.Join(dir, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(f), 0o755)
				mode := os.FileMode(0o644)
				if s.modes[p] == snapshot.ModeExecutable {
					mode = 0o755
				}
				if err := os.WriteFile(f, []byte(c), mode); err != nil {
					t.Fatal(err)
				}
				os.Chmod(f, mode)
			}
		}
		git("init", "-q")
		git("config", "core.fileMode", "true")
		place(before)
		git("add", "-A")
		git("commit", "-q", "--allow-empty", "-m", "before")
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != ".git" {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
		}
		place(after)
		git("add", "-A")

		repo, err := snapshot.OpenRepo(dir)
		if err != nil {
			t.Fatal(err)
		}
		head, err := repo.Commit("HEAD")
		if err != nil {
			t.Fatal(err)
		}
		idx, err := repo.Index()
		if err != nil {
			t.Fatal(err)
		}
		staged, err := repo.Staged()
		if err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("git case %d", i)
		compareNearFull(t, what+" (HEAD → index)", staged, head, idx)
		checkListers(t, what, head, idx)

		work, err := snapshot.OpenDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		changes, err := snapshot.Diff(head, work)
		if err != nil {
			t.Fatal(err)
		}
		compareNearFull(t, what+" (HEAD → disk)", changes, head, work)
		checkListers(t, what, work)
	}
}

// checkListers compares ListDir and ListSubtree with Files filtered, for
// every folder of each snapshot and a few that do not exist.
func checkListers(t *testing.T, what string, snaps ...snapshot.Snapshot) {
	t.Helper()
	for _, s := range snaps {
		all, err := s.Files()
		if err != nil {
			t.Fatal(err)
		}
		dirs := map[string]bool{"": true, "nowhere": true, "A/nowhere": true}
		for _, e := range all {
			for d := dirOf(e.Path); d != ""; d = parentDir(d) {
				dirs[d] = true
			}
			dirs[e.Path] = true // a file is no folder
		}
		for d := range dirs {
			var wantDir, wantSub []snapshot.Entry
			for _, e := range all {
				if d == "" || strings.HasPrefix(e.Path, d+"/") {
					wantSub = append(wantSub, e)
					if dirOf(e.Path) == d {
						wantDir = append(wantDir, e)
					}
				}
			}
			gotDir, err := snapshot.ListDir(s, d)
			if err != nil || !sameEntries(gotDir, wantDir) {
				t.Fatalf("%s: %s: ListDir(%q) = %v, %v; want %v", what, s.Name(), d, gotDir, err, wantDir)
			}
			gotSub, err := snapshot.ListSubtree(s, d)
			if err != nil || !sameEntries(gotSub, wantSub) {
				t.Fatalf("%s: %s: ListSubtree(%q) = %v, %v; want %v", what, s.Name(), d, gotSub, err, wantSub)
			}
			for _, e := range wantDir {
				if got, ok := s.Stat(e.Path); !ok || got != e {
					t.Fatalf("%s: %s: Stat(%q) = %v, %v; want %v", what, s.Name(), e.Path, got, ok, e)
				}
			}
		}
	}
}

func sameEntries(a, b []snapshot.Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
