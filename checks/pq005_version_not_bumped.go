package checks

// VersionNotBumped (PQ005) — TODO: implement.
var VersionNotBumped = &Rule{
	ID:       "PQ005",
	Name:     "version-not-bumped",
	Severity: Error,
	Title:    "packaged files changed but the version did not",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
