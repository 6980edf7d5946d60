package checks

// DynamicExpressionEvaluate (PQ052) — TODO: implement.
var DynamicExpressionEvaluate = &Rule{
	ID:       "PQ052",
	Name:     "dynamic-expression-evaluate",
	Severity: Error,
	Title:    "Expression.Evaluate of text that is not a constant or a packaged file",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
