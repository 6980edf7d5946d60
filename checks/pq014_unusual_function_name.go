package checks

// UnusualFunctionName (PQ014) — TODO: implement.
var UnusualFunctionName = &Rule{
	ID:       "PQ014",
	Name:     "unusual-function-name",
	Severity: Warning,
	Title:    "FunctionName is not a domain word such as Contents, Tables, Document, Databases or Feed",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
