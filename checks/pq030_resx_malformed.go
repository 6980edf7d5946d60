package checks

// ResxMalformed (PQ030) — TODO: implement.
var ResxMalformed = &Rule{
	ID:       "PQ030",
	Name:     "resx-malformed",
	Severity: Error,
	Title:    "resources.resx is not well-formed resx XML",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
