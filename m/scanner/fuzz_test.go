package scanner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pqcert/pqcert/m/token"
)

func FuzzScanner(f *testing.F) {
	for _, dir := range []string{"../../../shared/tools/pqref/snippets/*.pq", "../parser/testdata/connectors/*.pq*"} {
		files, _ := filepath.Glob(dir)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("\uFEFFlet a = #\"x\"\"y\", b = #!\"v\" in a..b ?? .5e3 // c\r\n/* d */"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var s Scanner
		s.Init(nil, src, func(token.Position, string) {}, ScanComments)
		last := token.NoPos
		for n := 0; ; n++ {
			pos, end, tok := s.ScanSpan()
			if pos < last || end < pos || int(end) > len(src)+1 {
				t.Fatalf("token %v at %d..%d after %d (len %d)", tok, pos, end, last, len(src))
			}
			if tok == token.EOF {
				return
			}
			if end == pos {
				t.Fatalf("empty token %v at %d", tok, pos)
			}
			last = end
		}
	})
}
