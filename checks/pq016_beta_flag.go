package checks

import (
	"fmt"

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
		"its first certified release, declare it with --released (in .pre-commit-config.yaml: `args: [--released]`) and " +
		"Beta may be false or absent. A Publish record chosen by `if` must carry `Beta = true` in every branch.",
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
		if p.Config.IsReleased(p.Conn) {
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
			p.Report(p.Conn.Main, ds.KindField, "data source %q has no Publish record, so it cannot be marked Beta; add `Publish = \"%s.Publish\"` to this attribute and define `%s.Publish = [Beta = true, ...];`", ds.Kind, ds.Kind, ds.Kind)
		}
	},
}

// releasedHint says how to declare the first certified release.
const releasedHint = "declare it: git config --add pqcert.released <connector folder> (read by every pqcert command and hook), or run with --released (in .pre-commit-config.yaml: args: [--released])"

func checkBeta(p *Pass, ds DataSource) {
	m := p.Conn.Member(ds.Publish)
	if m == nil || m.Value == nil {
		p.Report(p.Conn.Main, ds.PublishField, "Publish record %q is not defined in the section; define `%s = [Beta = true, ...];`", ds.Publish, ds.Publish)
		return
	}
	wasBeta := false
	if p.Before != nil {
		wasBeta = true
		for _, b := range publishBetas(p.Before, ds.Publish) {
			if !b.known || b.beta == nil || !isLogicalLit(b.beta.Value, token.TRUE) {
				wasBeta = false
			}
		}
	}
	for _, b := range publishBetas(p.Conn, ds.Publish) {
		if !b.known {
			continue // built from something pqcert cannot see; nothing to say
		}
		beta, in := b.beta, fmt.Sprintf("Publish record %q", ds.Publish)
		if b.branch != nil {
			in = fmt.Sprintf("the %s branch of Publish record %q", b.which, ds.Publish)
		}
		switch {
		case beta != nil && isLogicalLit(beta.Value, token.TRUE):
			continue
		case wasBeta:
			n := ast.Node(m.Name)
			if beta != nil {
				n = beta.At
			} else if b.branch != nil {
				n = b.branch
			}
			p.reportNode(n, "this change turns Beta off in %s (%s has Beta = true), but the initial release must be a Beta; keep `Beta = true`, or if the connector has had its first certified release, %s", in, p.Config.BeforeName(), releasedHint)
		case beta == nil && b.branch != nil:
			p.reportNode(b.branch, "%s has no Beta field; every branch must carry `Beta = true` until the first certified release (then %s)", in, releasedHint)
		case beta == nil:
			p.Report(p.Conn.Main, m.Name, "Publish record %q has no Beta field; add `Beta = true` until the first certified release (then %s)", ds.Publish, releasedHint)
		case isLogicalLit(beta.Value, token.FALSE):
			p.reportNode(beta.At, "Beta is false in %s; the initial release must set `Beta = true` (%s once the connector has had its first certified release)", in, releasedHint)
		default:
			p.reportNode(beta.At, "Beta must be the literal true, not an expression; write `Beta = true` in %s", in)
		}
	}
}

// betaBranch is the Beta field of one way the Publish record can be made:
// the whole record, or one branch of an `if` that chooses it.
type betaBranch struct {
	beta   *recordField
	known  bool     // false when part of the record cannot be seen
	branch ast.Expr // the branch, nil when the record is not chosen by an `if`
	which  string   // "then" or "else"
}

// publishBetas returns the Beta field of the Publish record named name in
// c, followed through aliases, lets, `&`, Record.Combine, Record.AddField
// and modules; a record chosen by `if` gives one result per branch, since
// each must carry Beta.
func publishBetas(c *Connector, name string) []betaBranch {
	fw := c.newFollower()
	var out []betaBranch
	var visit func(x ast.Expr, env *Env, branch ast.Expr, which string, depth int)
	visit = func(x ast.Expr, env *Env, branch ast.Expr, which string, depth int) {
		if fx, fenv := fw.follow(x, env); depth < maxResolve {
			if ifx, ok := fx.(*ast.IfExpr); ok && ifx.Then != nil && ifx.Else != nil {
				visit(ifx.Then, fenv, ifx.Then, "then", depth+1)
				visit(ifx.Else, fenv, ifx.Else, "else", depth+1)
				return
			}
		}
		rv := fw.record(x, env)
		if rv == nil {
			out = append(out, betaBranch{branch: branch, which: which})
			return
		}
		beta := rv.Fields["Beta"]
		out = append(out, betaBranch{beta: beta, known: beta != nil || rv.Complete, branch: branch, which: which})
	}
	visit(&ast.Ident{Name: name}, fw.root, nil, "", 0)
	return out
}

func isLogicalLit(x ast.Expr, kind token.Token) bool {
	l, ok := ast.Unparen(x).(*ast.BasicLit)
	return ok && l.Kind == kind
}
