package checks

// NotSectionDocument (PQ002) — TODO: implement.
var NotSectionDocument = &Rule{
	ID:       "PQ002",
	Name:     "not-section-document",
	Severity: Error,
	Title:    "the main file is an expression document, not a section document",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
