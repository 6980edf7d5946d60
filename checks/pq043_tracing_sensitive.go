package checks

// TracingSensitive (PQ043) — TODO: implement.
var TracingSensitive = &Rule{
	ID:       "PQ043",
	Name:     "tracing-sensitive",
	Severity: Error,
	Title:    "a traced value carries credentials",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
