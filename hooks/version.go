package hooks

import "runtime/debug"

// Version is the module version when built by `go install …@version`,
// else "dev".
func Version() string {
	if v := buildVersion(); v != "" {
		return v
	}
	return "dev"
}

// buildVersion is the main module's version from the build information,
// or "" for a development build.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return ""
	}
	return bi.Main.Version
}
