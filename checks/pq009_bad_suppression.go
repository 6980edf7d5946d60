package checks

// BadSuppression (PQ009) — TODO: implement.
var BadSuppression = &Rule{
	ID:       "PQ009",
	Name:     "bad-suppression",
	Severity: Warning,
	Title:    "a pqcert:ignore comment without a reason, or one that suppresses nothing",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
