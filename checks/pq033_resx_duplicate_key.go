package checks

// ResxDuplicateKey (PQ033) — TODO: implement.
var ResxDuplicateKey = &Rule{
	ID:       "PQ033",
	Name:     "resx-duplicate-key",
	Severity: Error,
	Title:    "a resx key defined twice",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
