package checks

import (
	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// NotSectionDocument (PQ002) reports a main file that is an expression
// document instead of a section document.
var NotSectionDocument = &Rule{
	ID:       "PQ002",
	Name:     "not-section-document",
	Severity: Error,
	Title:    "the main file is an expression document, not a section document",
	Doc: "Reports a connector whose main .pq file is an expression document (a bare `let ... in ...` or function, " +
		"as a query in Power BI Desktop is written) instead of a section document. Power Query loads a connector's " +
		"exported functions, its data source kind record and its version from the members of a section, and the " +
		"certification page requires the section document format. Start the file with `section Name;` (the connector's " +
		"name, with `[Version = \"1.0.0\"]` above it), turn the expression into a `shared Name.Contents = ...;` member " +
		"with its `[DataSource.Kind = \"Name\"]` attribute, and end every member with `;`. Modules (.pqm) are " +
		"expression documents by design and are not reported.",
	Requirement: "The connector MUST: Use Section document format.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "let\n    Source = Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"))\nin\n    Source\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
		"Helpers.pqm": "let\n    Paging = (url as text) => Json.Document(Web.Contents(url))\nin\n    Paging\n",
	}},
	Run: func(p *Pass) {
		f := p.Conn.Main
		if f == nil || f.AST == nil || f.AST.Section != nil {
			return
		}
		if f.Err != nil && (f.AST.Expr == nil || hasSectionKeyword(f.Src.Source())) {
			return // PQ001 reports why the file did not parse as a section
		}
		name := p.Conn.Name
		if f.AST.Expr == nil {
			p.ReportFile(f.Path, "%s is empty, but a connector is a section document; start it with `section %s;`", f.Path, name)
			return
		}
		p.Report(f, f.AST.Expr, "%s is an expression document, but a connector must be a section document; start the file with `section %s;` and make this expression a shared member such as `shared %s.Contents = ...;`", mainFileBase(p.Conn), name, name)
	},
}

// hasSectionKeyword reports whether src holds the keyword `section`
// outside comments and text, as a file whose section header is broken does.
func hasSectionKeyword(src []byte) bool {
	var s scanner.Scanner
	s.Init(nil, src, nil, 0)
	for {
		_, _, tok := s.ScanSpan()
		switch tok {
		case token.EOF:
			return false
		case token.SECTION:
			return true
		}
	}
}
