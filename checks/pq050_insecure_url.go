package checks

// InsecureUrl (PQ050) — TODO: implement.
var InsecureUrl = &Rule{
	ID:       "PQ050",
	Name:     "insecure-url",
	Severity: Error,
	Title:    "credentials are used but a request can go over plain HTTP",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
