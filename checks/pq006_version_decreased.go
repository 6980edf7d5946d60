package checks

// VersionDecreased (PQ006) — TODO: implement.
var VersionDecreased = &Rule{
	ID:       "PQ006",
	Name:     "version-decreased",
	Severity: Error,
	Title:    "the version went down",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
