package checks

import "fmt"

// TracingSensitive (PQ043) reports trace calls whose traced value carries
// a credential.
var TracingSensitive = &Rule{
	ID:       "PQ043",
	Name:     "tracing-sensitive",
	Severity: Error,
	Title:    "a traced value carries credentials",
	Doc: "Follows the values written to the trace log (the message of Diagnostics.Trace, every argument of the " +
		"Diagnostics.pqm helpers such as Diagnostics.LogValue) back through let bindings, record fields, helper " +
		"functions and parameters, and reports one that carries the user's credential: the record " +
		"Extension.CurrentCredential() returns (also the certification page's spelling Extension.CurrentCredentials()) " +
		"or its secret fields (Key, Username, Password, access_token, Properties), also inside a text, record or list " +
		"built from them. AuthenticationKind and EncryptConnection are not secrets. Trace logs are plain files on the " +
		"user's machine that people attach to support cases; certification requires validating that traced data holds " +
		"no personal data, and a credential is the worst kind. Trace something that reveals nothing, such as whether the " +
		"credential is set (a comparison, `<> null`, `is`), its length or count (Text.Length, Binary.Length, List.Count, " +
		"Record.FieldCount, Table.RowCount), its type (Value.Type, Value.Is) or its AuthenticationKind: these are not reported. " +
		"Gated calls count too: the flag is on whenever someone debugs. When the credential reaches the trace through a " +
		"helper's parameter, the finding is at each call that passes it (naming the helper's trace call), which is the " +
		"code to change, not in the helper, which traces whatever it is given.",
	Requirement: "If Diagnostics.* functions are used: Validate what is being traced; data must not contain PII or " +
		"large amounts of unnecessary data.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\nEnableTraceOutput = false;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () =>\n    let\n        key = Extension.CurrentCredential()[Key],\n" +
			"        headers = [#\"X-Api-Key\" = key],\n" +
			"        logged = if EnableTraceOutput then Diagnostics.Trace(TraceLevel.Verbose, \"Headers: \" & Text.FromBinary(Json.FromValue(headers)), headers) else headers\n" +
			"    in\n        Json.Document(Web.Contents(\"https://api.contoso.com/v2/items\", [Headers = logged]));\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.0.0\"]\nsection Contoso;\n\nEnableTraceOutput = false;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () =>\n    let\n        key = Extension.CurrentCredential()[Key],\n" +
			"        headers = [#\"X-Api-Key\" = key],\n" +
			"        logged = if EnableTraceOutput then Diagnostics.Trace(TraceLevel.Verbose, \"Auth: \" & Extension.CurrentCredential()[AuthenticationKind], headers) else headers\n" +
			"    in\n        Json.Document(Web.Contents(\"https://api.contoso.com/v2/items\", [Headers = logged]));\n",
	}},
	Run: func(p *Pass) {
		calls := p.Conn.traceAnalysis().Calls
		if len(calls) == 0 {
			return
		}
		t := newTracer(p.Conn)
		reported := map[string]bool{}
		for _, tc := range calls {
			for _, arg := range tc.tracedArgs() {
				leaves := t.credentialSites(origin{X: arg, Env: tc.Env, File: tc.CallSite.File})
				for _, leaf := range leaves {
					f, n := leaf.at(tc.CallSite.File, arg)
					key := fmt.Sprintf("%s:%d", f.Path, n.Pos())
					if reported[key] {
						continue
					}
					reported[key] = true
					from := snippet(leaf.File, leaf.X)
					if leaf.Via != nil {
						// The credential comes in through a helper's
						// parameter: the call that passes it is the code to
						// change, the helper traces whatever it is given.
						p.Report(f, n, "credential %s is passed here to a helper whose %s at %s traces it; pass or trace "+
							"something that reveals nothing, such as whether it is set", from, tc.Func, where(tc.CallSite.File, tc.Call))
						continue
					}
					if what := snippet(tc.CallSite.File, arg); what == from {
						p.Report(f, n, "%s traces a credential, %s; trace something that reveals nothing, such as whether it is set", tc.Func, what)
					} else {
						p.Report(f, n, "%s traces a credential: %s comes from %s; trace something that reveals nothing, such as whether it is set", tc.Func, what, from)
					}
				}
				if len(leaves) > 0 {
					break
				}
			}
		}
	},
}
