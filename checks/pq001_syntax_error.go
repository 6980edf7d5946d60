package checks

import (
	"errors"
	"fmt"

	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// SyntaxError (PQ001) reports the first syntax error of each M file.
var SyntaxError = &Rule{
	ID:       "PQ001",
	Name:     "syntax-error",
	Severity: Error,
	Title:    "the M parser rejects a section document or module",
	Doc: "Reports the first syntax error in the connector's section document and in each .pqm module, " +
		"at the position the M parser stopped, with the parser's own message, or a file that could not be read at all. " +
		"A connector that does not parse cannot be loaded by Power Query, cannot be certified, and hides every other " +
		"finding in the broken file, so pqcert checks it first. Fix the error at the reported position (an unclosed " +
		"bracket or text, a missing comma between fields or let bindings, a missing `;` after a section member) and " +
		"run the check again: later errors are often consequences of the first. " +
		"When the file holds unresolved merge conflict markers (lines starting <<<<<<<, =======, >>>>>>>), the message says so.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\n" +
			"[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = (url as text) =>\n    let\n        source = Web.Contents(url)\n        json = Json.Document(source)\n    in\n        json;\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\n" +
			"[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = (url as text) =>\n    let\n        source = Web.Contents(url),\n        json = Json.Document(source)\n    in\n        json;\n",
	}},
	Run: func(p *Pass) {
		for _, f := range p.Conn.MFiles() {
			if f.Err == nil {
				continue
			}
			var list scanner.ErrorList
			var one *scanner.Error
			switch {
			case errors.As(f.Err, &list) && len(list) > 0:
				reportSyntaxError(p, f, list[0], len(list)-1)
			case errors.As(f.Err, &one):
				reportSyntaxError(p, f, one, 0)
			default:
				p.ReportFile(f.Path, "cannot read %q: %v; make sure the file is readable M text of at most %d MB, then check again", f.Path, f.Err, maxSourceSize>>20)
			}
		}
	},
}

func reportSyntaxError(p *Pass, f *MFile, e *scanner.Error, more int) {
	msg := e.Msg
	switch {
	case more == 1:
		msg += " (1 more syntax error after it; fix this one first)"
	case more > 1:
		msg += fmt.Sprintf(" (%d more syntax errors after it; fix this one first)", more)
	}
	if f.Src != nil {
		msg = conflictMessage(f.Src.Source(), msg)
	}
	pos := token.NoPos
	if e.Pos.IsValid() {
		pos = token.PosOf(e.Pos.Offset)
	}
	p.ReportRange(f.Path, f.Src, pos, token.NoPos, msg)
}
