package checks

import "github.com/pqcert/pqcert/m/ast"

// MissingDataSourceKind (PQ010) finds a connector without a usable data
// source kind.
var MissingDataSourceKind = &Rule{
	ID:       "PQ010",
	Name:     "missing-data-source-kind",
	Severity: Error,
	Title:    "no data source kind record, or no shared function with [DataSource.Kind=...]",
	Doc: "Finds a connector whose section exports no function marked with the literal attribute " +
		"[DataSource.Kind = \"Kind\"], a DataSource.Kind on a member that is not shared, a kind whose " +
		"record (the section member named like the kind) is missing or is not a record, and a kind " +
		"record without Authentication. Power Query finds a connector only through a shared function " +
		"with a data source kind, and takes the credential kinds from the kind record, so without them " +
		"nothing can be certified or even loaded. Fix it by marking the exported function with " +
		"[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"] and defining " +
		"Contoso = [Authentication = [...], Label = ...] in the section.",
	Requirement: "",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Json.Document(Web.Contents(url));

Contoso.Publish = [Beta = true, Category = "Other", ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Json.Document(Web.Contents(url));

Contoso = [
    Authentication = [Anonymous = []],
    Label = "Contoso"
];

Contoso.Publish = [Beta = true, Category = "Other", ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runMissingDataSourceKind,
}

func runMissingDataSourceKind(p *Pass) {
	c := p.Conn
	sec := c.Section()
	if sec == nil || sec.Name == nil {
		return // PQ002 reports a document that is not a section
	}
	sources := c.DataSources()
	if len(sources) == 0 {
		k := sec.Name.Name
		p.Report(c.Main, sec.Name, "no function declares a data source kind; mark the exported function with [DataSource.Kind = %q, Publish = %q] and define the kind record %s = [Authentication = [...]]", k, k+".Publish", k)
		return
	}
	seen := map[string]bool{}
	for _, ds := range sources {
		if ds.Kind == "" {
			p.Report(c.Main, ds.KindField, "DataSource.Kind must be a non-empty text literal that names the kind record, e.g. [DataSource.Kind = %q]", sec.Name.Name)
			continue
		}
		if ds.Member.Name != nil && !ds.Member.IsShared() {
			p.Report(c.Main, ds.Member.Name, "%q declares data source kind %q but is not shared; add \"shared\" so that Power Query can find it", ds.Member.Name.Name, ds.Kind)
		}
		if seen[ds.Kind] {
			continue
		}
		seen[ds.Kind] = true
		m := c.Member(ds.Kind)
		if m == nil {
			p.Report(c.Main, ds.KindField.Value, "data source kind %q has no kind record; define %s = [Authentication = [...], Label = ...] in the section", ds.Kind, ds.Kind)
			continue
		}
		fw := c.newFollower() // one budget per kind
		if x, _ := fw.follow(m.Value, fw.root); notRecord(x) {
			p.Report(c.Main, m.Name, "kind record %q is not a record; define %s = [Authentication = [...], Label = ...]", ds.Kind, ds.Kind)
			continue
		}
		if rv := fw.record(m.Value, fw.root); rv != nil && rv.Complete && rv.Fields["Authentication"] == nil {
			p.Report(c.Main, m.Name, "kind record %q has no Authentication field; add Authentication = [Anonymous = []] or the credential kinds the source accepts", ds.Kind)
		}
	}
}

// notRecord reports whether x is certainly not a record: a literal, a
// list, a function or a type.
func notRecord(x ast.Expr) bool {
	switch x.(type) {
	case *ast.BasicLit, *ast.ListExpr, *ast.FuncLit, *ast.EachExpr, *ast.TypeExpr:
		return true
	}
	return false
}
