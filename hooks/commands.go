package hooks

// commandSpec describes one check command: its rules and the flags that
// only it takes.
type commandSpec struct {
	Name  string
	Usage string
	Rules []string // rule IDs, or nil for every rule
	// Description is the --help text after the usage line.
	Description string
	Fix         bool // takes --fix (raise the version)
	Placeholder bool // takes --version-placeholder
	Released    bool // takes --released
}

// commandSpecs are the check commands by name.
var commandSpecs = byName(checkCommands)

// byName indexes specs by their Name.
func byName(specs []commandSpec) map[string]commandSpec {
	m := make(map[string]commandSpec, len(specs))
	for _, s := range specs {
		m[s.Name] = s
	}
	return m
}

// checkCommands are the check commands, each one hook. The syntax-error
// and suppression rules run in every command that reads M: a hook must say
// why it could not judge a file, and a bad suppression is found wherever
// it is.
var checkCommands = []commandSpec{
	{
		Name:  "check-version-bump",
		Usage: "block a connector change that does not raise its [Version]",
		Rules: []string{"PQ001", "PQ002", "PQ003", "PQ004", "PQ005", "PQ006", "PQ009"},
		Description: `A change to any packaged file of a connector (its .pq, .pqm modules, resources*.resx or
PNG icons) must raise the [Version = "x.y.z"] attribute above its section. Versions compare as
semantic versions: 1.2.0-rc < 1.2.0 < 1.2.1. With --fix the patch number is raised in the
working-tree file; stage it and commit again. With nothing staged for a connector (after a
blocked git commit -a), --fix reads the changes in the working tree instead.`,
		Fix: true, Placeholder: true,
	},
	{
		Name:  "check-resx-strings",
		Usage: "keep resources.resx sound, complete and free of URLs",
		Rules: []string{"PQ001", "PQ009", "PQ030", "PQ031", "PQ032", "PQ033", "PQ034", "PQ035", "PQ036", "PQ037"},
		Description: `Every Extension.LoadString("Key") names a key of resources.resx; no key is defined twice,
left empty or unused; URLs and other values live in code, not in the resx; culture files
(resources.de-DE.resx) have the same keys; user-facing text is not hardcoded in M.`,
	},
	{
		Name:  "check-beta-flag",
		Usage: "require Beta = true in the Publish record until the first certified release",
		Rules: []string{"PQ001", "PQ009", "PQ016"},
		Description: `Certification requires the Publish record of each data source kind to carry the literal
Beta = true on the initial release. Once the connector has had its first certified release,
pass --released (in .pre-commit-config.yaml: args: [--released]) and Beta may be false.`,
		Released: true,
	},
	{
		Name:  "check-no-tracing",
		Usage: "block a commit that turns tracing on or traces without a flag",
		Rules: []string{"PQ001", "PQ009", "PQ040", "PQ041", "PQ042", "PQ043"},
		Description: `Tracing must be off before a connector ships. Every Diagnostics.* trace call and every use of
the Diagnostics.pqm helpers must be gated by a flag (EnableTraceOutput), the flag must be false,
and no traced value may carry a credential.`,
	},
	{
		Name:  "check-certification",
		Usage: "check every certification requirement that static analysis can decide",
		Description: `Runs every pqcert rule: the section document and its version, the data source kind and
TestConnection, naming, documentation, Beta, icons, navigation table, resources.resx, tracing,
HTTPS and credentials, Expression.Evaluate. 'pqcert rules' lists them; 'pqcert explain PQ0NN'
explains one.`,
		Placeholder: true, Released: true,
	},
}
