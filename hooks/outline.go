package hooks

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// printOutline prints a parsed file for people: its section and members,
// or its errors one per line.
func printOutline(s Streams, name string, f *ast.File, err error) {
	if err != nil {
		scanner.PrintError(s.Stdout, err)
		return
	}
	if f.Section == nil {
		fmt.Fprintf(s.Stdout, "%s: expression document\n", name)
		return
	}
	sec := f.Section
	header := "section"
	if sec.Name != nil {
		header += " " + sec.Name.Name
	}
	fmt.Fprintf(s.Stdout, "%s: %s%s (%d members)\n", name, header, attrText(f.Info, sec.Attrs), len(sec.Members))
	for _, m := range sec.Members {
		shared := ""
		if m.IsShared() {
			shared = "shared "
		}
		pos := f.Info.Position(m.Pos())
		fmt.Fprintf(s.Stdout, "  %d:%d %s%s%s\n", pos.Line, pos.Column, shared, m.Name.Name, attrText(f.Info, m.Attrs))
	}
}

// attrText returns the literal attributes as written in the source.
func attrText(info *token.File, r *ast.RecordExpr) string {
	if r == nil || info == nil {
		return ""
	}
	src := info.Source()
	text := string(src[r.Pos().Offset():r.End().Offset()])
	return " " + strings.Join(strings.Fields(text), " ")
}
