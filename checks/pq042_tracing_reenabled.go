package checks

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// TracingReenabled (PQ042) reports a change that turns a tracing flag
// from off to on.
var TracingReenabled = &Rule{
	ID:       "PQ042",
	Name:     "tracing-reenabled",
	Severity: Error,
	Title:    "this change turns tracing back on",
	Doc: "Compares each tracing flag (see PQ040: the name bound to a logical literal that gates Diagnostics " +
		"tracing, conventionally `EnableTraceOutput`) with the committed version and reports a change that flips it " +
		"from its off value to its on value. This is the commit that a developer makes by accident after a debugging " +
		"session, and the one that certification forbids to ship: tracing must be off in the submitted connector. " +
		"Undo the flip (`EnableTraceOutput = false;`) and keep the flag on only in an uncommitted local change. The " +
		"flag is matched by name; a new connector, or a flag that did not exist before, is PQ040's concern alone. When " +
		"this rule reports a flag, PQ040 does not also report it: one finding says the flag is on and that this change " +
		"turned it on.",
	Requirement: "This tracing must be turned off prior to submitting for certification.",
	Bad:         Example{Files: tracingExample("true", "1.0.1"), Before: tracingExample("false", "1.0.0")},
	Good:        Example{Files: tracingExample("false", "1.0.1"), Before: tracingExample("true", "1.0.0")},
	Supersedes:  []string{"PQ040"},
	Run: func(p *Pass) {
		if p.Before == nil {
			return
		}
		var before map[string][]bool
		for _, fl := range p.Conn.traceAnalysis().Flags {
			if !fl.On() {
				continue
			}
			if before == nil {
				before = logicalBindings(p.Before)
			}
			for _, v := range before[fl.Name] {
				if v == fl.Off {
					p.Report(fl.File, fl.Lit, "this change turns tracing back on: %s was %t at %s and is now %s; set it back to %t", fl.Name, fl.Off, p.Config.BeforeName(), fl.Value(), fl.Off)
					break
				}
			}
		}
	},
}

// logicalBindings returns the values of every member, let binding and
// record field of c bound to a logical literal, by name.
func logicalBindings(c *Connector) map[string][]bool {
	out := map[string][]bool{}
	for _, f := range c.MFiles() {
		if f.AST == nil {
			continue
		}
		ast.Inspect(f.AST, func(n ast.Node) bool {
			var name *ast.Ident
			var value ast.Expr
			switch n := n.(type) {
			case *ast.Member:
				name, value = n.Name, n.Value
			case *ast.Field:
				name, value = n.Name, n.Value
			}
			if name != nil {
				if lit, ok := ast.Unparen(value).(*ast.BasicLit); ok && (lit.Kind == token.TRUE || lit.Kind == token.FALSE) {
					out[name.Name] = append(out[name.Name], lit.Kind == token.TRUE)
				}
			}
			return true
		})
	}
	return out
}
