package checks

// MissingVersion (PQ003) — TODO: implement.
var MissingVersion = &Rule{
	ID:       "PQ003",
	Name:     "missing-version",
	Severity: Error,
	Title:    `no [Version = "x.y.z"] literal attribute above the section`,
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
