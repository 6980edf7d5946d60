package checks

import "fmt"

// VersionNotBumped (PQ005) reports a change to a connector's packaged
// files that keeps its version.
var VersionNotBumped = &Rule{
	ID:       "PQ005",
	Name:     "version-not-bumped",
	Severity: Error,
	Title:    "packaged files changed but the version did not",
	Doc: "Compares the connector with its committed version and reports a change to any packaged file (the section " +
		"document, a .pqm module, a resources*.resx, an icon PNG; also a packaged file added or removed) that leaves the " +
		"section's `[Version]` where it was. Every build that reaches users or Microsoft must carry its own version, " +
		"or nobody can tell which connector a report or a support case ran on, and certification requires the version " +
		"header for exactly that. Raise the version in the same commit: the patch number for a fix (\"1.2.0\" → " +
		"\"1.2.1\"), the minor for new features, the major for breaking changes (`check-version-bump --fix` raises the patch " +
		"number). Files that are not packaged (tests, docs, project files) never need a bump; a connector that keeps " +
		"the placeholder given with --version-placeholder (CI stamps the real version) is not asked either; a version that " +
		"looks like one (0.0.0, 9.9.9) without that flag gets a finding that suggests it. The message says which files " +
		"changed, were added or were removed.",
	Bad: Example{
		Before: map[string]string{
			"Contoso.pq": "[Version = \"1.2.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
		},
		Files: map[string]string{
			"Contoso.pq": "[Version = \"1.2.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v2/orders\"));\n",
		},
	},
	Good: Example{
		Before: map[string]string{
			"Contoso.pq": "[Version = \"1.2.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
		},
		Files: map[string]string{
			"Contoso.pq": "[Version = \"1.2.1\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v2/orders\"));\n",
		},
	},
	Run: func(p *Pass) {
		after, av, bv, ok := comparableVersions(p)
		if !ok || compareSemver(av, bv) != 0 {
			return
		}
		what := fileChanges(p.Conn, p.Before).String()
		if what == "" {
			return
		}
		hint := ""
		if looksLikePlaceholder(av) {
			hint = fmt.Sprintf("; if %q is a placeholder that CI replaces, pass --version-placeholder=%s (in .pre-commit-config.yaml: args: [--version-placeholder=%s])", after.Text, after.Text, after.Text)
		}
		p.Report(p.Conn.Main, after.node(), "%s but version is still %q (%s has %q); raise it, e.g. %s (check-version-bump --fix does)%s",
			what, after.Text, p.Config.BeforeName(), p.Before.Version(), versionExample(av), hint)
	},
}
