package checks

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// BetaFlag (PQ016) reports a Publish record without the literal
// `Beta = true` before the connector's first certified release.
var BetaFlag = &Rule{
	ID:       "PQ016",
	Name:     "beta-flag",
	Severity: Error,
	Title:    "the Publish record lacks literal Beta = true on the initial release",
	Doc: "Follows the `Publish = \"X.Publish\"` attribute of the data source function to its Publish record (also when " +
		"the record is built in steps: through aliases, a let, `&` and Record.Combine, where later fields win) and " +
		"reports a record whose Beta field is missing, false, or anything but the literal `true`, and a change that " +
		"turns a committed `Beta = true` off. Certification requires the Beta flag on the initial release, so that " +
		"Power BI shows the connector as a preview with a warning while its first users try it; the literal keeps the " +
		"flag visible to reviewers and tools. Write `Beta = true` in the Publish record. Once the connector has had " +
		"its first certified release, declare it with --released (or `released` in the hook's arguments) and Beta may " +
		"be false or absent.",
	Requirement: "The connector MUST: Have the Beta flag set to True on initial release.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n\n" +
			"Contoso = [Authentication = [Anonymous = []]];\n\n" +
			"Contoso.Publish = [\n    Category = \"Other\",\n    ButtonText = {\"Contoso\", \"Contoso orders\"}\n];\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n\n" +
			"Contoso = [Authentication = [Anonymous = []]];\n\n" +
			"Contoso.Publish = [\n    Beta = true,\n    Category = \"Other\",\n    ButtonText = {\"Contoso\", \"Contoso orders\"}\n];\n",
	}},
	Run: func(p *Pass) {
		if p.Config != nil && p.Config.Released {
			return
		}
		sources := p.Conn.DataSources()
		seen := map[string]bool{}
		published := false
		for _, ds := range sources {
			published = published || ds.PublishField != nil
			if ds.PublishField == nil || ds.Publish == "" || seen[ds.Publish] {
				continue
			}
			seen[ds.Publish] = true
			checkBeta(p, ds)
		}
		if !published && len(sources) > 0 {
			ds := sources[0]
			p.Report(p.Conn.Main, ds.KindField, "data source %q has no Publish record, so it cannot be marked Beta: add `Publish = \"%s.Publish\"` to this attribute and define `%s.Publish = [Beta = true, ...];`", ds.Kind, ds.Kind, ds.Kind)
		}
	},
}

func checkBeta(p *Pass, ds DataSource) {
	m := p.Conn.Member(ds.Publish)
	if m == nil || m.Value == nil {
		p.Report(p.Conn.Main, ds.PublishField, "Publish names %q, but the section has no member %s: define it with `Beta = true`", ds.Publish, ds.Publish)
		return
	}
	beta, known := publishBeta(p.Conn, ds.Publish)
	if !known {
		return // built from something pqcert cannot see; nothing to say
	}
	wasBeta := false
	if p.Before != nil {
		if b, ok := publishBeta(p.Before, ds.Publish); ok && b != nil && isLogicalLit(b.Value, token.TRUE) {
			wasBeta = true
		}
	}
	switch {
	case beta != nil && isLogicalLit(beta.Value, token.TRUE):
		return
	case wasBeta:
		n := ast.Node(m.Name)
		if beta != nil {
			n = beta.At
		}
		p.reportNode(n, "this change turns Beta off in %s (HEAD has Beta = true), but the initial release must be a Beta: keep `Beta = true`; if the connector has had its first certified release, run with --released", ds.Publish)
	case beta == nil:
		p.Report(p.Conn.Main, m.Name, "Publish record %s has no Beta field: add `Beta = true` until the first certified release (then run with --released)", ds.Publish)
	case isLogicalLit(beta.Value, token.FALSE):
		p.reportNode(beta.At, "Beta is false in %s: the initial release must set `Beta = true` (run with --released once the connector has had its first certified release)", ds.Publish)
	default:
		p.reportNode(beta.At, "Beta must be the literal true, not an expression: write `Beta = true` in %s", ds.Publish)
	}
}

// publishBeta returns the Beta field of the Publish record named name in
// c, followed through aliases, lets, `&`, Record.Combine, Record.AddField
// and modules; known is false when part of the record cannot be seen.
func publishBeta(c *Connector, name string) (beta *recordField, known bool) {
	fw := c.newFollower()
	rv := fw.record(&ast.Ident{Name: name}, fw.root)
	if rv == nil {
		return nil, false
	}
	beta = rv.Fields["Beta"]
	return beta, beta != nil || rv.Complete
}

func isLogicalLit(x ast.Expr, kind token.Token) bool {
	l, ok := ast.Unparen(x).(*ast.BasicLit)
	return ok && l.Kind == kind
}
