package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

func FuzzParser(f *testing.F) {
	for _, dir := range []string{snippetDir + "/*.pq", "testdata/connectors/*.pq*"} {
		files, _ := filepath.Glob(dir)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("section S; shared a = (x as number) as number => try x catch (e) => e[Message] ?? type table [a = number];"))
	f.Add([]byte("each [a]?[b] ?? [[c]]? ?? d{0}?(1) ?? e as number"))
	f.Add([]byte("[a = 1 \n b = 2, c = f(1 2), d = let x = 1 y = 2 in y]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := ParseFile("fuzz.pq", src, 0)
		if file == nil {
			t.Fatal("nil file")
		}
		checkTree(t, file, len(src), err == nil)
	})
}

// checkTree checks that every position lies within the source and, for a
// tree without errors, that every child lies inside its parent.
func checkTree(t *testing.T, file *ast.File, size int, nesting bool) {
	within := func(p token.Pos) bool { return p.IsValid() && int(p) <= size+1 }
	var check func(parent, n ast.Node)
	check = func(parent, n ast.Node) {
		if !within(n.Pos()) || !within(n.End()) || n.End() < n.Pos() {
			t.Fatalf("%T has positions %d..%d outside 1..%d", n, n.Pos(), n.End(), size+1)
		}
		if nesting && parent != nil && (n.Pos() < parent.Pos() || n.End() > parent.End()) {
			t.Fatalf("%T %d..%d is not inside its parent %T %d..%d", n, n.Pos(), n.End(), parent, parent.Pos(), parent.End())
		}
		for _, c := range ast.Children(n) {
			check(n, c)
		}
	}
	for _, c := range ast.Children(file) {
		check(nil, c)
	}
}
