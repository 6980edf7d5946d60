package checks_test

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/parser"
)

// TestWalkScopes checks the order of a scoped walk and the scope each name
// is seen in.
func TestWalkScopes(t *testing.T) {
	src := "let a = 1, f = (p) => p + a in each [r = a, s = r & _]"
	f, err := parser.ParseFile("t.pq", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	checks.WalkExpr(nil, f.Expr, nil, func(_ *checks.MFile, n ast.Node, env *checks.Env) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		kind := "free"
		if d := env.Lookup(id.Name); d != nil {
			kind = map[checks.DefKind]string{checks.DefMember: "member", checks.DefLet: "let", checks.DefField: "field", checks.DefParam: "param", checks.DefEach: "each"}[d.Kind]
		}
		got = append(got, id.Name+":"+kind)
		return true
	})
	want := "a:let f:let p:param p:param a:let r:field a:let s:field r:field _:each"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("walk:\n got %s\nwant %s", g, want)
	}
}

// TestWalkDeep walks the deepest tree the parser accepts, a chain of
// parser.MaxChain operators, with a small stack: the walk must not
// recurse per level.
func TestWalkDeep(t *testing.T) {
	f, err := parser.ParseFile("t.pq", []byte("section S; shared x = a"+strings.Repeat("+a", parser.MaxChain)+";"), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	n := 0
	checks.WalkExpr(nil, f.Section, nil, func(_ *checks.MFile, n2 ast.Node, _ *checks.Env) bool {
		n++
		return true
	})
	// section, its name, member, member name, the operators and operands
	if want := 4 + parser.MaxChain + parser.MaxChain + 1; n != want {
		t.Errorf("visited %d nodes, want %d", n, want)
	}
}
