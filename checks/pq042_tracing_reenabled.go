package checks

// TracingReenabled (PQ042) — TODO: implement.
var TracingReenabled = &Rule{
	ID:       "PQ042",
	Name:     "tracing-reenabled",
	Severity: Error,
	Title:    "this change turns tracing back on",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
