package checks

// TracingUngated (PQ041) — TODO: implement.
var TracingUngated = &Rule{
	ID:       "PQ041",
	Name:     "tracing-ungated",
	Severity: Error,
	Title:    "a Diagnostics trace call that no flag turns off",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
