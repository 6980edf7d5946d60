package checks

// InvalidVersion (PQ004) — TODO: implement.
var InvalidVersion = &Rule{
	ID:       "PQ004",
	Name:     "invalid-version",
	Severity: Error,
	Title:    "the version is not major.minor.patch with an optional -prerelease",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
