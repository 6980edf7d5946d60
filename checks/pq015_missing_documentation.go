package checks

// MissingDocumentation (PQ015) — TODO: implement.
var MissingDocumentation = &Rule{
	ID:       "PQ015",
	Name:     "missing-documentation",
	Severity: Error,
	Title:    "an exported function lacks documentation metadata",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
