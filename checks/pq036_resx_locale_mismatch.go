package checks

// ResxLocaleMismatch (PQ036) — TODO: implement.
var ResxLocaleMismatch = &Rule{
	ID:       "PQ036",
	Name:     "resx-locale-mismatch",
	Severity: Warning,
	Title:    "a resources.<culture>.resx lacks or adds keys against resources.resx",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
