package checks

// SyntaxError (PQ001) — TODO: implement.
var SyntaxError = &Rule{
	ID:       "PQ001",
	Name:     "syntax-error",
	Severity: Error,
	Title:    "the M parser rejects a section document or module",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
