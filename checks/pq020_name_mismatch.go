package checks

// NameMismatch (PQ020) — TODO: implement.
var NameMismatch = &Rule{
	ID:       "PQ020",
	Name:     "name-mismatch",
	Severity: Warning,
	Title:    "section name, data source kind and file name disagree",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
