package checks

// MissingIcons (PQ017) — TODO: implement.
var MissingIcons = &Rule{
	ID:       "PQ017",
	Name:     "missing-icons",
	Severity: Warning,
	Title:    "no SourceImage/SourceTypeImage, or the icon PNGs are missing or of the wrong size",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
