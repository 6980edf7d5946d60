package parser

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
)

// sexpr prints a tree compactly for tests: operators as (op x y), records
// as [a=1, b=2], lists as {1, 2}, other nodes as (kind children...).
func sexpr(n ast.Node) string {
	var b strings.Builder
	writeSexpr(&b, n)
	return b.String()
}

func writeSexpr(b *strings.Builder, n ast.Node) {
	list := func(open, sep, close string, items []ast.Node) {
		b.WriteString(open)
		for i, it := range items {
			if i > 0 {
				b.WriteString(sep)
			}
			writeSexpr(b, it)
		}
		b.WriteString(close)
	}
	form := func(head string, items ...ast.Node) {
		b.WriteString("(" + head)
		for _, it := range items {
			b.WriteString(" ")
			writeSexpr(b, it)
		}
		b.WriteString(")")
	}
	target := func(x ast.Expr) ast.Node {
		if x == nil {
			return &ast.Ident{Name: "_"}
		}
		return x
	}
	opt := func(head string, q bool) string {
		if q {
			return head + "?"
		}
		return head
	}
	switch n := n.(type) {
	case nil:
		b.WriteString("<nil>")
	case *ast.File:
		if n.Section != nil {
			writeSexpr(b, n.Section)
		} else {
			writeSexpr(b, n.Expr)
		}
	case *ast.Section:
		b.WriteString("(section ")
		if n.Name != nil {
			b.WriteString(n.Name.Name)
		}
		for _, m := range n.Members {
			b.WriteString(" ")
			writeSexpr(b, m)
		}
		b.WriteString(")")
	case *ast.Member:
		shared := ""
		if n.IsShared() {
			shared = "shared "
		}
		b.WriteString("(" + shared + n.Name.Name + " ")
		writeSexpr(b, n.Value)
		b.WriteString(")")
	case *ast.Ident:
		if n.At.IsValid() {
			b.WriteString("@")
		}
		b.WriteString(n.Name)
	case *ast.BasicLit:
		b.WriteString(n.Raw)
	case *ast.HashIdent:
		b.WriteString(n.Tok.String())
	case *ast.ListExpr:
		items := make([]ast.Node, len(n.Items))
		for i, x := range n.Items {
			items[i] = x
		}
		list("{", ", ", "}", items)
	case *ast.RangeExpr:
		form("..", n.From, n.To)
	case *ast.RecordExpr:
		items := make([]ast.Node, len(n.Fields))
		for i, f := range n.Fields {
			items[i] = f
		}
		list("[", ", ", "]", items)
	case *ast.Field:
		b.WriteString(n.Name.Name + "=")
		writeSexpr(b, n.Value)
	case *ast.ParenExpr:
		form("paren", n.X)
	case *ast.NotImplementedExpr:
		b.WriteString("...")
	case *ast.SectionAccessExpr:
		b.WriteString(n.Section.Name + "!" + n.Member.Name)
	case *ast.CallExpr:
		items := []ast.Node{n.Fun}
		for _, a := range n.Args {
			items = append(items, a)
		}
		form("call", items...)
	case *ast.ItemAccessExpr:
		form(opt("item", n.Question.IsValid()), n.X, n.Index)
	case *ast.FieldAccessExpr:
		form(opt("field", n.Question.IsValid()), target(n.X), n.Name)
	case *ast.ProjectionExpr:
		items := []ast.Node{target(n.X)}
		for _, f := range n.Fields {
			items = append(items, f.Name)
		}
		form(opt("project", n.Question.IsValid()), items...)
	case *ast.UnaryExpr:
		form(n.Op.String(), n.X)
	case *ast.BinaryExpr:
		form(n.Op.String(), n.X, n.Y)
	case *ast.FuncLit:
		b.WriteString("(fn (")
		for i, par := range n.Params {
			if i > 0 {
				b.WriteString(" ")
			}
			writeSexpr(b, par)
		}
		b.WriteString(")")
		if n.ReturnType != nil {
			b.WriteString(" ")
			writeSexpr(b, n.ReturnType)
		}
		b.WriteString(" ")
		writeSexpr(b, n.Body)
		b.WriteString(")")
	case *ast.Param:
		if n.IsOptional() {
			b.WriteString("optional ")
		}
		b.WriteString(n.Name.Name)
		if n.Type != nil {
			b.WriteString(":")
			writeSexpr(b, n.Type)
		}
	case *ast.EachExpr:
		form("each", n.Body)
	case *ast.LetExpr:
		items := []ast.Node{}
		for _, f := range n.Bindings {
			items = append(items, f)
		}
		items = append(items, n.Body)
		form("let", items...)
	case *ast.IfExpr:
		form("if", n.Cond, n.Then, n.Else)
	case *ast.ErrorExpr:
		form("error", n.X)
	case *ast.TryExpr:
		switch {
		case n.CatchFn != nil:
			form("try", n.X, n.CatchFn)
		case n.Default != nil:
			form("try", n.X, n.Default)
		default:
			form("try", n.X)
		}
	case *ast.TypeExpr:
		form("type", n.X)
	case *ast.PrimitiveType:
		if n.Nullable.IsValid() {
			b.WriteString("nullable-")
		}
		b.WriteString(n.Name)
	case *ast.RecordType:
		items := []ast.Node{}
		for _, f := range n.Fields {
			items = append(items, f)
		}
		if n.Open.IsValid() {
			items = append(items, &ast.NotImplementedExpr{})
		}
		form("record-type", items...)
	case *ast.FieldSpec:
		if n.Optional.IsValid() {
			b.WriteString("optional ")
		}
		b.WriteString(n.Name.Name)
		if n.Type != nil {
			b.WriteString("=")
			writeSexpr(b, n.Type)
		}
	case *ast.ListType:
		form("list-type", n.Elem)
	case *ast.FunctionType:
		items := []ast.Node{}
		for _, par := range n.Params {
			items = append(items, par)
		}
		items = append(items, n.Return)
		form("function-type", items...)
	case *ast.TableType:
		form("table-type", n.Row)
	case *ast.NullableType:
		form("nullable", n.X)
	case *ast.BadExpr:
		b.WriteString("BAD")
	default:
		fmt.Fprintf(b, "<%T>", n)
	}
}
