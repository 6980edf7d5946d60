package checks

// MissingTestConnection (PQ011) — TODO: implement.
var MissingTestConnection = &Rule{
	ID:       "PQ011",
	Name:     "missing-test-connection",
	Severity: Error,
	Title:    "the data source kind record has no TestConnection function",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
