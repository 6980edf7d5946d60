package hooks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseCommand: every error of a file is printed in text mode; an
// unreadable file or a folder gets a failure record and the run goes on;
// out-of-range numbers and empty attributes are printed as pqref does.
func TestParseCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pq")
	os.WriteFile(bad, []byte("section S;\na = (1;\nb = {2;\nc = [3;\n"), 0o644)
	big := filepath.Join(dir, "big.pq")
	os.WriteFile(big, []byte("[A = 1e400] section S; [] shared x = 1;"), 0o644)
	missing := filepath.Join(dir, "missing.pq")

	code, out, _ := runCmd(t, "pqcert", "parse", bad)
	if code != 1 || strings.Count(out, "\n") != 3 || strings.Contains(out, "more errors") {
		t.Errorf("text mode: exit %d, want every error on a line of its own:\n%s", code, out)
	}

	code, out, errOut := runCmd(t, "pqcert", "parse", "--json", missing, dir, big, bad)
	if code != 2 || !strings.Contains(errOut, "2 files could not be read") {
		t.Errorf("exit %d, stderr %q; want 2 and a count of unreadable files", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 records, got:\n%s", out)
	}
	var recs []map[string]any
	for _, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		recs = append(recs, r)
	}
	for i, file := range []string{missing, dir} {
		if r := recs[i]; r["file"] != file || r["ok"] != false || r["stage"] != "read" || r["errorKind"] != "ReadError" || r["error"] == "" {
			t.Errorf("read failure record: %s", lines[i])
		}
	}
	if want := `{"file":"` + big + `","ok":true,"kind":"section","sectionName":"S","literalAttributes":{"A":"1e400"},"members":[{"name":"x","shared":true,"attributes":{}}]}`; lines[2] != want {
		t.Errorf("got  %s\nwant %s", lines[2], want)
	}
	if recs[3]["ok"] != false || recs[3]["line"] != 2.0 {
		t.Errorf("parse failure record: %s", lines[3])
	}

	// Only parse failures: exit 1.
	if code, _, _ := runCmd(t, "pqcert", "parse", "--json", big, bad); code != 1 {
		t.Errorf("parse failures only: exit %d, want 1", code)
	}
}
