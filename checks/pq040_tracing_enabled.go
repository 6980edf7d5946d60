package checks

// TracingEnabled (PQ040) — TODO: implement.
var TracingEnabled = &Rule{
	ID:       "PQ040",
	Name:     "tracing-enabled",
	Severity: Error,
	Title:    "the tracing flag is true",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
