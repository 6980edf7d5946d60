package checks

// ResxUnusedKey (PQ032) — TODO: implement.
var ResxUnusedKey = &Rule{
	ID:       "PQ032",
	Name:     "resx-unused-key",
	Severity: Warning,
	Title:    "a resx key that no code loads",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
