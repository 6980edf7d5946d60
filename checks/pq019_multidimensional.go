package checks

// Multidimensional (PQ019) — TODO: implement.
var Multidimensional = &Rule{
	ID:       "PQ019",
	Name:     "multidimensional",
	Severity: Error,
	Title:    "cube functions: data must be tabular",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
