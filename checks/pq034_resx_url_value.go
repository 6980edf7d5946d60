package checks

// ResxUrlValue (PQ034) — TODO: implement.
var ResxUrlValue = &Rule{
	ID:       "PQ034",
	Name:     "resx-url-value",
	Severity: Error,
	Title:    "a URL or other value in resources.resx: URLs and values belong in code",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
