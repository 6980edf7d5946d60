package checks

// ForbiddenWord (PQ013) — TODO: implement.
var ForbiddenWord = &Rule{
	ID:       "PQ013",
	Name:     "forbidden-word",
	Severity: Error,
	Title:    "Fabric, Power BI, Connector or API in the kind or function names",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
