package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// snippetDir holds the pqref snippets, each starting with a
// `// spec: accept|reject` header: our reading of the M specification.
const snippetDir = "../../../shared/tools/pqref/snippets"

// specExceptions lists snippets whose spec header we believe is wrong,
// with the reason. It is empty: we follow every header.
var specExceptions = map[string]string{}

func snippetFiles(t testing.TB) []string {
	t.Helper()
	const install = "check out the shared folder next to the repository (../shared/tools/pqref/snippets)"
	testtool.NeedPath(t, snippetDir, "the pqref snippets folder", install)
	files, _ := filepath.Glob(filepath.Join(snippetDir, "*.pq"))
	if len(files) == 0 {
		testtool.Missing(t, "no snippets in "+snippetDir, install)
	}
	return files
}

func TestConformance(t *testing.T) {
	for _, file := range snippetFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		header, _, _ := strings.Cut(string(bytes.TrimPrefix(src, []byte("\uFEFF"))), "\n")
		want, ok := strings.CutPrefix(strings.TrimSpace(header), "// spec: ")
		if !ok {
			t.Errorf("%s: no `// spec:` header", name)
			continue
		}
		_, perr := ParseFile(name, src, 0)
		got := "accept"
		if perr != nil {
			got = "reject"
		}
		if reason, ok := specExceptions[name]; ok {
			t.Logf("%s: spec says %s, we %s: %s", name, want, got, reason)
			continue
		}
		if got != want {
			t.Errorf("%s: spec says %s, we %s (%v)", name, want, got, perr)
		}
	}
}
