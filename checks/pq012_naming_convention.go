package checks

// NamingConvention (PQ012) — TODO: implement.
var NamingConvention = &Rule{
	ID:       "PQ012",
	Name:     "naming-convention",
	Severity: Error,
	Title:    "an exported function is not named DataSourceKind.FunctionName",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
