package checks

import "strconv"

// TracingEnabled (PQ040) reports a tracing flag that is on.
var TracingEnabled = &Rule{
	ID:       "PQ040",
	Name:     "tracing-enabled",
	Severity: Error,
	Title:    "the tracing flag is true",
	Doc: "Finds the flag that switches the connector's tracing (a name bound to a logical literal, conventionally " +
		"`EnableTraceOutput`, that some `if` uses to skip Diagnostics.Trace or the Diagnostics.pqm helpers such as " +
		"Diagnostics.LogValue; or a member or let binding whose name says trace or tracing) and reports it, at its " +
		"definition, when its value turns tracing on. Certification asks connectors that trace during development to " +
		"put the tracing behind such a flag and to turn it off before submitting: traces fill users' logs, slow queries " +
		"and may carry data that must not be logged. Set the flag to its off value (`EnableTraceOutput = false;`) " +
		"before committing; turn it on only in a local, uncommitted change. A flag that the change being checked turned " +
		"on (it was off before) is reported by PQ042 instead, whose message says so, and not here as well.",
	Requirement: "If Diagnostics.* functions are used: ... If you implemented significant tracing in development, you " +
		"should implement a variable or feature flag that determines if tracing should be on. This tracing must be " +
		"turned off prior to submitting for certification.",
	Bad:  Example{Files: tracingExample("true", "1.0.0")},
	Good: Example{Files: tracingExample("false", "1.0.0")},
	Run: func(p *Pass) {
		for _, fl := range p.Conn.traceAnalysis().Flags {
			if !fl.On() {
				continue
			}
			gates := ""
			switch {
			case fl.N == 1:
				gates = " (it gates 1 trace call)"
			case fl.N > 1:
				gates = " (it gates " + strconv.Itoa(fl.N) + " trace calls)"
			}
			p.Report(fl.File, fl.Lit, "tracing is on: %s is %s%s; set it to %t before committing", fl.Name, fl.Value(), gates, fl.Off)
		}
	},
}

// tracingExample is a connector with the official Diagnostics.pqm helper
// gated by EnableTraceOutput set to flag, at the given version.
func tracingExample(flag, version string) map[string]string {
	return map[string]string{
		"Contoso.pq": "[Version = \"" + version + "\"]\nsection Contoso;\n\n" +
			"// Set to true only while debugging; must be false when committed.\nEnableTraceOutput = " + flag + ";\n\n" +
			"[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = (url as text) =>\n    let\n        response = Web.Contents(url),\n" +
			"        logged = Diagnostics.LogValue(\"Response length\", Binary.Length(response))\n    in\n        Json.Document(response);\n\n" +
			"Extension.LoadFunction = (fileName as text) =>\n    let\n        binary = Extension.Contents(fileName),\n" +
			"        asText = Text.FromBinary(binary)\n    in\n        Expression.Evaluate(asText, #shared);\n\n" +
			"Diagnostics = Extension.LoadFunction(\"Diagnostics.pqm\");\n" +
			"Diagnostics.LogValue = if (EnableTraceOutput) then Diagnostics[LogValue] else (prefix, value) => value;\n",
		"Diagnostics.pqm": "let\n    LogValue = (prefix as text, value) => Diagnostics.Trace(TraceLevel.Information, prefix & \": \" & Text.From(value), value)\nin\n    [LogValue = LogValue]\n",
	}
}
