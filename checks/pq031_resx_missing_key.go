package checks

// ResxMissingKey (PQ031) — TODO: implement.
var ResxMissingKey = &Rule{
	ID:       "PQ031",
	Name:     "resx-missing-key",
	Severity: Error,
	Title:    "Extension.LoadString names a key that resources.resx lacks",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
