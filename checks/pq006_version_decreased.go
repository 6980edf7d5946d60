package checks

// VersionDecreased (PQ006) reports a version lower than the committed one.
var VersionDecreased = &Rule{
	ID:       "PQ006",
	Name:     "version-decreased",
	Severity: Error,
	Title:    "the version went down",
	Doc: "Compares the section's `[Version]` with the committed one as semantic versions and reports a change that " +
		"lowers it (\"1.3.0\" → \"1.2.9\", or a release followed by its own pre-release, \"1.2.0\" → \"1.2.0-rc\"). " +
		"A lower version makes the newer build look older to users, to Power Query and to the certification " +
		"team, and usually comes from a merge or a revert that took an old header along. Set the version above the " +
		"committed one, e.g. raise the committed version's patch number. The placeholder given with " +
		"--version-placeholder is never compared.",
	Bad: Example{
		Before: map[string]string{
			"Contoso.pq": "[Version = \"2.0.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
		},
		Files: map[string]string{
			"Contoso.pq": "[Version = \"2.0.0-rc.1\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v2/orders\"));\n",
		},
	},
	Good: Example{
		Before: map[string]string{
			"Contoso.pq": "[Version = \"2.0.0-rc.1\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
		},
		Files: map[string]string{
			"Contoso.pq": "[Version = \"2.0.0\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
				"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v2/orders\"));\n",
		},
	},
	Run: func(p *Pass) {
		after, av, bv, ok := comparableVersions(p)
		if !ok || compareSemver(av, bv) >= 0 {
			return
		}
		p.Report(p.Conn.Main, after.node(), "version went down from %q (%s) to %q; a new version must be higher: use %s or above",
			bv.String(), p.Config.BeforeName(), after.Text, versionExample(bv))
	},
}
