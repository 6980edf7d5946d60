package checks

// BadSuppression (PQ009) reports pqcert:ignore comments that do not do
// their job. Its findings are made while suppressions are applied
// (suppress.go), after every other rule has run.
var BadSuppression = &Rule{
	ID:       "PQ009",
	Name:     "bad-suppression",
	Severity: Warning,
	Title:    "a pqcert:ignore comment without a reason, naming an unknown rule, or suppressing nothing",
	Doc: "Finds `// pqcert:ignore PQ0NN reason` comments (`<!-- pqcert:ignore PQ0NN reason -->` in a resx) that name no rule, " +
		"name a rule that does not exist, give no reason, or silence no finding of a rule that ran; in a directive listing several " +
		"rules (`PQ040,PQ043` or `PQ040 PQ043`) each ID that silences nothing is reported. A directive covers its own line and the " +
		"next; alone on the line above a section member's attributes, it covers the member down to the line of its name. " +
		"A directive without a reason silences nothing, " +
		"because a certification reviewer needs to know why a finding does not apply; a directive that silences nothing " +
		"is left over from code that has since changed, and would hide the next real finding on its line. " +
		"Write the rule IDs and a reason after the directive, or delete a directive that no longer applies.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Web.Contents(url);

// pqcert:ignore PQ031
Contoso = [Authentication = [Anonymous = []], Label = Extension.LoadString("DataSourceLabel")];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Web.Contents(url);

// pqcert:ignore PQ031 the build writes DataSourceLabel into resources.resx
Contoso = [Authentication = [Anonymous = []], Label = Extension.LoadString("DataSourceLabel")];
`,
	}},
	// The runner reports PQ009 while it applies the suppressions, since only
	// then is it known which directives silenced a finding.
	Run: func(*Pass) {},
}
