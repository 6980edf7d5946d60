package checks

// NameMismatch (PQ020) finds a section name, data source kind and main file
// name that disagree.
var NameMismatch = &Rule{
	ID:       "PQ020",
	Name:     "name-mismatch",
	Severity: Warning,
	Title:    "section name, data source kind and file name disagree",
	Doc: "Compares the section name with the main file's name (Contoso.pq holds section Contoso) and " +
		"with the data source kinds (one of them should be the section name), case included. The " +
		"section name becomes the extension's name, the kind names its credentials, and the file " +
		"names the built .mez; when they disagree, users see one name in Get Data and another in the " +
		"credential dialog and the gateway, and reviewers ask which is the product. Fix it by using " +
		"one name for all three, e.g. section Contoso; in Contoso.pq with [DataSource.Kind = \"Contoso\"]. When the " +
		"section name holds a word PQ013 forbids (section ContosoConnector; in Contoso.pq), the advice is to rename the " +
		"section, not the file.",
	Bad: Example{Files: map[string]string{
		"ContosoSales.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runNameMismatch,
}

func runNameMismatch(p *Pass) {
	c := p.Conn
	sec := c.Section()
	if sec == nil || sec.Name == nil {
		return
	}
	name := sec.Name.Name
	// A name with a word certification forbids (PQ013) is not the one to
	// keep: advise renaming the section to the file's name instead.
	banned := forbiddenWords(name)
	better := ""
	if len(banned) > 0 {
		better = withoutWords(name, banned)
		if forbiddenWords(c.Name) == nil && c.Name != "" {
			better = c.Name
		}
	}
	if c.Name != name {
		switch {
		case len(banned) == 0:
			p.Report(c.Main, sec.Name, "section %q does not match the file name %q; name the section and the file alike, e.g. section %s; in %s.pq", name, c.Main.Path, name, name)
		case better == c.Name:
			p.Report(c.Main, sec.Name, "section %q does not match the file name %q; rename the section, section %s; (certification forbids %s in it, PQ013)", name, c.Main.Path, better, quoteWords(banned))
		case better != "":
			p.Report(c.Main, sec.Name, "section %q does not match the file name %q; name both after the product without %s (PQ013), e.g. section %s; in %s.pq", name, c.Main.Path, quoteWords(banned), better, better)
		default:
			p.Report(c.Main, sec.Name, "section %q does not match the file name %q; name both after the product, without %s (PQ013)", name, c.Main.Path, quoteWords(banned))
		}
	}
	kinds := c.Kinds()
	for _, k := range kinds {
		if k == name {
			return
		}
	}
	reported := map[string]bool{}
	for _, ds := range c.DataSources() {
		if ds.Kind == "" || reported[ds.Kind] {
			continue
		}
		reported[ds.Kind] = true
		if len(banned) > 0 && forbiddenWords(ds.Kind) == nil {
			p.Report(c.Main, ds.KindField.Value, "data source kind %q does not match the section name %q; rename the section, section %s; (certification forbids %s in it, PQ013)", ds.Kind, name, ds.Kind, quoteWords(banned))
			continue
		}
		p.Report(c.Main, ds.KindField.Value, "data source kind %q does not match the section name %q; use one name for the section, the kind and its kind record", ds.Kind, name)
	}
}
