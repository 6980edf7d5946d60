package ast_test

import (
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/parser"
)

func parse(t *testing.T, src string) *ast.File {
	t.Helper()
	f, err := parser.ParseFile("t.pq", []byte(src), 0)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return f
}

// describe names a node for order tests: its type and, for leaves, its text.
func describe(n ast.Node) string {
	name := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
	switch n := n.(type) {
	case *ast.Ident:
		return name + " " + n.Name
	case *ast.BasicLit:
		return name + " " + n.Raw
	case *ast.BinaryExpr:
		return name + " " + n.Op.String()
	}
	return name
}

func TestInspectOrder(t *testing.T) {
	f := parse(t, "[A = 1] section S; shared f = (x) => let y = x + 1 in [r = y]{0};")
	var got []string
	ast.Inspect(f, func(n ast.Node) bool {
		got = append(got, describe(n))
		return true
	})
	want := []string{
		"File", "Section", "RecordExpr", "Field", "Ident A", "BasicLit 1", "Ident S",
		"Member", "Ident f", "FuncLit", "Param", "Ident x",
		"LetExpr", "Field", "Ident y", "BinaryExpr +", "Ident x", "BasicLit 1",
		"ItemAccessExpr", "RecordExpr", "Field", "Ident r", "Ident y", "BasicLit 0",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}

	// Returning false skips the children, not the siblings.
	got = nil
	ast.Inspect(f, func(n ast.Node) bool {
		got = append(got, describe(n))
		_, isLet := n.(*ast.LetExpr)
		_, isRec := n.(*ast.RecordExpr)
		return !isLet && !isRec
	})
	want = []string{"File", "Section", "RecordExpr", "Ident S", "Member", "Ident f", "FuncLit", "Param", "Ident x", "LetExpr"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pruned order:\n got %q\nwant %q", got, want)
	}
	ast.Inspect(nil, func(ast.Node) bool { t.Error("called for nil"); return true })
}

func TestChildren(t *testing.T) {
	f := parse(t, "try f(a, b) catch (e) => e")
	try := f.Expr.(*ast.TryExpr)
	var got []string
	for _, c := range ast.Children(try) {
		got = append(got, describe(c))
	}
	if want := []string{"CallExpr", "FuncLit"}; !reflect.DeepEqual(got, want) {
		t.Errorf("children of try: %q, want %q", got, want)
	}
	got = nil
	for _, c := range ast.Children(try.X) {
		got = append(got, describe(c))
	}
	if want := []string{"Ident f", "Ident a", "Ident b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("children of call: %q, want %q", got, want)
	}
	// A typed nil child is not a child: a function literal without a
	// return type has just its parameter and body.
	fn := parse(t, "(x) => x").Expr.(*ast.FuncLit)
	if n := len(ast.Children(fn)); n != 2 {
		t.Errorf("function literal has %d children, want 2", n)
	}
}

// TestInspectDeep walks the deepest tree the parser accepts, a chain of
// MaxChain operators, with a small stack: Inspect must not recurse per level.
func TestInspectDeep(t *testing.T) {
	f := parse(t, "a"+strings.Repeat("+a", parser.MaxChain))
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	idents := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if _, ok := n.(*ast.Ident); ok {
			idents++
		}
		return true
	})
	if idents != parser.MaxChain+1 {
		t.Errorf("visited %d identifiers, want %d", idents, parser.MaxChain+1)
	}
}

func TestLiteralValue(t *testing.T) {
	tests := []struct {
		src  string
		want any
		ok   bool
	}{
		{`"a""b"`, `a"b`, true},
		{`1.5`, 1.5, true},
		{`0x1F`, 31.0, true},
		{`1e400`, "1e400", true}, // out of range: its text, not +Inf
		{`#infinity`, "#infinity", true},
		{`#nan`, "#nan", true},
		{`true`, true, true},
		{`null`, nil, true},
		{`[a = 1, b = {"x", false}]`, map[string]any{"a": 1.0, "b": []any{"x", false}}, true},
		{`[]`, map[string]any{}, true},
		{`{}`, []any{}, true},
		{`x`, nil, false},
		{`[a = x]`, nil, false},
		{`{1, 1 + 1}`, nil, false},
	}
	for _, tt := range tests {
		got, ok := ast.LiteralValue(parse(t, tt.src).Expr)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("LiteralValue(%s) = %#v, %v; want %#v, %v", tt.src, got, ok, tt.want, tt.ok)
		}
	}
}

func TestUnparen(t *testing.T) {
	x := parse(t, "((a))").Expr
	if id, ok := ast.Unparen(x).(*ast.Ident); !ok || id.Name != "a" {
		t.Errorf("Unparen((( a))) = %#v", ast.Unparen(x))
	}
	y := parse(t, "(a + b)").Expr
	if b, ok := ast.Unparen(y).(*ast.BinaryExpr); !ok || b.Op.String() != "+" {
		t.Errorf("Unparen((a + b)) = %#v", ast.Unparen(y))
	}
	if id := parse(t, "a").Expr; ast.Unparen(id) != id {
		t.Error("Unparen changed an expression without parentheses")
	}
	if ast.Unparen(nil) != nil {
		t.Error("Unparen(nil) is not nil")
	}
	// A parenthesis without content (after an error) is kept.
	bad := &ast.ParenExpr{}
	if ast.Unparen(bad) != bad {
		t.Error("Unparen dropped an empty ParenExpr")
	}
}
