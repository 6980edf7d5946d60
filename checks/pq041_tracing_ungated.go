package checks

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
)

// TracingUngated (PQ041) reports trace calls that no flag turns off.
var TracingUngated = &Rule{
	ID:       "PQ041",
	Name:     "tracing-ungated",
	Severity: Error,
	Title:    "a Diagnostics trace call that no flag turns off",
	Doc: "Reports calls of Diagnostics.Trace and of the Diagnostics.pqm helpers (Diagnostics.LogValue, LogValue2, " +
		"LogFailure, WrapFunctionResult, WrapHandlers) that run whatever any flag says: not inside the taken-when-on " +
		"branch of an `if` on a flag, and not called through a name bound to such an `if`. A helper bound without a flag " +
		"(`Diagnostics.LogValue = Diagnostics[LogValue];`) is reported once, at that binding. Certification asks for a " +
		"variable or feature flag that decides whether tracing is on, so that it can be turned off before submission " +
		"without deleting every call. Gate the helper where it is bound, `Diagnostics.LogValue = if EnableTraceOutput " +
		"then Diagnostics[LogValue] else (prefix, value) => value;`, or wrap a direct Diagnostics.Trace call in " +
		"`if EnableTraceOutput then ... else ...`, with `EnableTraceOutput = false;` as a section member. The helper " +
		"module's own definitions are not calls; a condition on a parameter or a run-time value is not a flag. Nor is a " +
		"name bound to a computed value (`EnableTraceOutput = not false;`): the message then says that the flag is not " +
		"the literal false or true; write the literal, which PQ040 checks.",
	Requirement: "If Diagnostics.* functions are used: ... you should implement a variable or feature flag that " +
		"determines if tracing should be on.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = (url as text) =>\n    let\n        response = Web.Contents(url),\n" +
			"        traced = Diagnostics.Trace(TraceLevel.Information, \"Downloaded \" & url, response)\n    in\n        Json.Document(traced);\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\nEnableTraceOutput = false;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = (url as text) =>\n    let\n        response = Web.Contents(url),\n" +
			"        traced = if EnableTraceOutput then Diagnostics.Trace(TraceLevel.Information, \"Downloaded \" & url, response) else response\n    in\n        Json.Document(traced);\n",
	}},
	Run: func(p *Pass) {
		ti := p.Conn.traceAnalysis()
		flag := ti.flagHint()
		byOrigin := map[ast.Node][]*traceCall{}
		var origins []ast.Node
		for _, tc := range ti.Calls {
			if tc.Gate != nil {
				continue
			}
			if tc.Origin == nil && tc.Computed != "" {
				p.Report(tc.CallSite.File, tc.Call, "%s is gated by %s", tc.Func, computedMsg(tc.Computed))
				continue
			}
			if tc.Origin == nil {
				p.Report(tc.CallSite.File, tc.Call, "%s is called with no flag to turn it off; wrap it in `if %s then ... else ...` and keep `%s = false;` when committing", tc.Func, flag, flag)
				continue
			}
			key := tc.Origin.Node
			if byOrigin[key] == nil {
				origins = append(origins, key)
			}
			byOrigin[key] = append(byOrigin[key], tc)
		}
		for _, key := range origins {
			calls := byOrigin[key]
			tc := calls[0]
			d := tc.Origin
			n := key
			switch x := key.(type) {
			case *ast.Member:
				n = x.Name
			case *ast.Field:
				n = x.Name
			}
			count := "1 call"
			if len(calls) > 1 {
				count = fmt.Sprintf("%d calls", len(calls))
			}
			what, off := "Diagnostics.Trace", "a function that does not trace"
			if tc.Helper != "" {
				what = "the tracing helper " + tc.Helper
				if tc.Helper == "LogValue" || tc.Helper == "LogValue2" {
					off = "(prefix, value) => value"
				}
			}
			if tc.Computed != "" {
				p.Report(tc.OriginFile, n, "%s is bound to %s gated by %s", d.Name, what, computedMsg(tc.Computed))
				continue
			}
			p.Report(tc.OriginFile, n, "%s is bound to %s with no flag to turn it off (%s, first at %s); gate it, e.g. `%s = if %s then ... else %s`, and keep `%s = false;` when committing",
				d.Name, what, count, where(tc.CallSite.File, tc.Call), d.Name, flag, off, flag)
		}
	},
}

// computedMsg explains a gate on a flag bound to a computed value, given as
// "Name = value".
func computedMsg(binding string) string {
	name, _, _ := strings.Cut(binding, " = ")
	return fmt.Sprintf("%s, but the flag is not the literal false or true (`%s`), so no one can see or switch it; write `%s = false;` when committing", name, binding, name)
}
