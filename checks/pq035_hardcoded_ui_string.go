package checks

// HardcodedUiString (PQ035) — TODO: implement.
var HardcodedUiString = &Rule{
	ID:       "PQ035",
	Name:     "hardcoded-ui-string",
	Severity: Warning,
	Title:    "a user-facing string hardcoded in M where a resx string belongs",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
