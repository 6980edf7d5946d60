package checks

// MissingDataSourceKind (PQ010) — TODO: implement.
var MissingDataSourceKind = &Rule{
	ID:       "PQ010",
	Name:     "missing-data-source-kind",
	Severity: Error,
	Title:    "no data source kind record, or no shared function with [DataSource.Kind=...]",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
