package checks

// MissingNavigationTable (PQ018) — TODO: implement.
var MissingNavigationTable = &Rule{
	ID:       "PQ018",
	Name:     "missing-navigation-table",
	Severity: Warning,
	Title:    "the connector returns no navigation table",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
