package parser_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
	"github.com/pqcert/pqcert/m/outline"
	"github.com/pqcert/pqcert/m/parser"
)

// pqrefDirs are where the reference harness may be set up: the shared
// folder, or a copy in /tmp when the shared one is read-only.
var pqrefDirs = []string{"../../../shared/tools/pqref", "/tmp/pqref"}

// findPQRef returns a pqref folder with node_modules, or skips the test
// (fails it under CI=true).
func findPQRef(t *testing.T) string {
	t.Helper()
	testtool.Need(t, "node", "apt-get install nodejs")
	for _, dir := range pqrefDirs {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "@microsoft", "powerquery-parser")); err == nil {
			return dir
		}
	}
	testtool.Missing(t, "the pqref node_modules are missing", "run ../shared/tools/pqref/setup.sh (or set it up in /tmp/pqref)")
	return ""
}

// allowed lists connector files where a disagreement is expected, with
// the m-grammar.md §4 item that explains it. Our corpus avoids those
// constructs, so it is empty; scripts/pqdiff.sh shows the 11 snippet
// disagreements, all on the §4 list.
//
// Where we deliberately differ from pqref (so none of these may be added
// to the corpus without an entry here):
//   - `let in 1`: we reject a let without bindings, as the spec's
//     variable-list requires one; pqref accepts it.
//   - `type [optional = number]` and `(optional) => optional`: we accept
//     `optional` as a field or parameter name when nothing can follow it
//     (it is contextual, not a keyword); pqref rejects both.
//   - A UTF-16 file (with its byte order mark): pqref decodes it; we
//     report "the file is UTF-16 ... save it as UTF-8", since all our
//     positions are UTF-8 offsets.
//   - A hexadecimal literal attribute beyond float64 (over 256 digits):
//     pqref prints null (parseInt gives Infinity); we print its text, as
//     both do for 1e400.
var allowed = map[string]string{}

// TestDifferential compares our outline of every connector in
// testdata/connectors with the reference parser's.
func TestDifferential(t *testing.T) {
	dir := findPQRef(t)
	files, _ := filepath.Glob("testdata/connectors/*.pq*")
	if len(files) == 0 {
		t.Fatal("no connector testdata")
	}
	abs := make([]string, len(files))
	for i, f := range files {
		abs[i], _ = filepath.Abs(f)
	}
	cmd := exec.Command("node", append([]string{"pqref.js", "--no-summary"}, abs...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatalf("pqref: %v", err)
	}
	ref := map[string]map[string]any{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("pqref output: %v", err)
		}
		ref[rec["file"].(string)] = rec
	}
	for i, file := range files {
		if reason, ok := allowed[filepath.Base(file)]; ok {
			t.Logf("%s: skipped: %s", file, reason)
			continue
		}
		want, ok := ref[abs[i]]
		if !ok {
			t.Errorf("%s: no reference record", file)
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, perr := parser.ParseFile(abs[i], src, 0)
		data, _ := json.Marshal(outline.Outline(abs[i], f, perr))
		var got map[string]any
		json.Unmarshal(data, &got)
		for _, key := range []string{"ok", "kind", "sectionName", "literalAttributes", "members"} {
			if want["ok"] == false && key != "ok" {
				continue
			}
			if !reflect.DeepEqual(got[key], want[key]) {
				t.Errorf("%s: %s differs:\n ours %v\n  ref %v\n(our error: %v; reference: %v)", file, key, got[key], want[key], perr, want["error"])
			}
		}
	}
}
