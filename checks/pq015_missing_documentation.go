package checks

import "strings"

// MissingDocumentation (PQ015) finds exported functions without
// documentation metadata on their type.
var MissingDocumentation = &Rule{
	ID:       "PQ015",
	Name:     "missing-documentation",
	Severity: Error,
	Title:    "an exported function lacks documentation metadata",
	Doc: "Finds exported functions whose type carries no documentation metadata, or metadata without " +
		"Documentation.Name or without a description (Documentation.LongDescription or " +
		"Documentation.Description). The type is followed through let bindings, section members, " +
		"records built in steps, .pqm modules loaded with Extension.LoadFunction and helper functions " +
		"defined in the connector; metadata put on the function value instead of its type is reported " +
		"too, because Power Query reads documentation only from the type. Certification requires it " +
		"because the Get Data dialog and the function library show these texts. Fix it with " +
		"Value.ReplaceType(ContosoImpl, type function (url as text) as table meta [Documentation.Name = " +
		"\"Contoso\", Documentation.LongDescription = \"...\"]).",
	Requirement: "The connector MUST: Provide function documentation metadata.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) as table => Table.FromRecords(Json.Document(Web.Contents(url)));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = Value.ReplaceType(ContosoImpl, ContosoType);

ContosoType = type function (
    url as (type text meta [Documentation.FieldCaption = "Service URL"])
) as table meta [
    Documentation.Name = "Contoso",
    Documentation.LongDescription = "Returns the tables of a Contoso service."
];

ContosoImpl = (url as text) as table => Table.FromRecords(Json.Document(Web.Contents(url)));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runMissingDocumentation,
}

func runMissingDocumentation(p *Pass) {
	c := p.Conn
	for _, m := range c.ExportedFunctions() {
		fw := c.newFollower()
		name := m.Name.Name
		d := fw.functionDoc(m.Value, fw.root)
		switch d.State {
		case docMissing:
			p.Report(c.Main, m.Name, "exported function %q has no documentation metadata; wrap it as Value.ReplaceType(impl, type function (...) as table meta [Documentation.Name = ..., Documentation.LongDescription = ...])", name)
		case docOnValue:
			p.reportNode(d.At, "documentation of %q is metadata on the function value, where Power Query does not read it; put it on the type: Value.ReplaceType(impl, type function (...) as table meta [...])", name)
		case docFound:
			checkDocFields(p, d, name)
		}
	}
}

func checkDocFields(p *Pass, d funcDoc, name string) {
	meta := d.Meta
	title := meta.Fields["Documentation.Name"]
	switch {
	case title == nil && meta.Complete:
		p.reportNode(d.At, "documentation of %q has no Documentation.Name; add Documentation.Name = %q (or Extension.LoadString of a resx key)", name, strings.SplitN(name, ".", 2)[0])
	case title != nil && emptyText(title):
		p.reportNode(title.At, "Documentation.Name of %q is empty; give the title users see in Get Data", name)
	}
	desc := meta.Fields["Documentation.LongDescription"]
	if desc == nil {
		desc = meta.Fields["Documentation.Description"]
	}
	switch {
	case desc == nil && meta.Complete:
		p.reportNode(d.At, "documentation of %q has no description; add Documentation.LongDescription = \"...\" saying what the function returns", name)
	case desc != nil && emptyText(desc):
		p.reportNode(desc.At, "the description of %q is empty; say what the function returns", name)
	}
}

// emptyText reports whether a field's value is constant text with nothing
// but spaces.
func emptyText(f *recordField) bool {
	s, ok := f.Env.Text(f.Value)
	return ok && strings.TrimSpace(s) == ""
}
