package checks

// ResxEmptyValue (PQ037) — TODO: implement.
var ResxEmptyValue = &Rule{
	ID:       "PQ037",
	Name:     "resx-empty-value",
	Severity: Warning,
	Title:    "a resx key with an empty value",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
