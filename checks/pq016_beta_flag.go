package checks

// BetaFlag (PQ016) — TODO: implement.
var BetaFlag = &Rule{
	ID:       "PQ016",
	Name:     "beta-flag",
	Severity: Error,
	Title:    "the Publish record lacks literal Beta = true on the initial release",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
