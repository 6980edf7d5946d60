package checks

import "strings"

// NamingConvention (PQ012) finds exported functions that are not named
// DataSourceKind.FunctionName.
var NamingConvention = &Rule{
	ID:       "PQ012",
	Name:     "naming-convention",
	Severity: Error,
	Title:    "an exported function is not named DataSourceKind.FunctionName",
	Doc: "Finds functions the connector exports (members with [DataSource.Kind], and shared members " +
		"whose value is a function) whose name is not a data source kind (for a data source function, its own kind), a dot " +
		"and a function name, such as Contoso.Contents. Shared names land in the global environment " +
		"of every Power Query user, and certification requires them to follow the " +
		"DataSourceKind.FunctionName convention so that they never collide with other connectors. " +
		"Fix it by renaming the function Kind.FunctionName, or by dropping \"shared\" from a helper that " +
		"was never meant to be exported.",
	Requirement: "The connector MUST: Follow naming conventions (for example, DataSourceKind.FunctionName).",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared GetContosoData = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => GetContosoData(url);

GetContosoData = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runNamingConvention,
}

func runNamingConvention(p *Pass) {
	c := p.Conn
	kinds := c.Kinds()
	if len(kinds) == 0 {
		return // PQ010
	}
	for _, m := range c.ExportedFunctions() {
		name := m.Name.Name
		// A data source function is named for its own kind; any other
		// exported function for one of the connector's kinds.
		own := kinds
		if k, ok := textAttr(m, "DataSource.Kind"); ok && k != "" {
			own = []string{k}
		}
		if _, _, ok := splitKindName(name, own); ok {
			continue
		}
		kind := own[0]
		fn := name[strings.LastIndex(name, ".")+1:]
		if fn == "" || fn == kind {
			fn = "Contents"
		}
		p.Report(c.Main, m.Name, "exported function %q is not named DataSourceKind.FunctionName; rename it %q, or drop \"shared\" if it is a helper", name, kind+"."+fn)
	}
}
