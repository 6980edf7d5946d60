package checks

import (
	"strings"

	"github.com/pqcert/pqcert/m/ast"
)

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
		"was never meant to be exported. When the [DataSource.Kind] attribute names no kind record but the function's " +
		"prefix does and differs only in case or a letter or two ([DataSource.Kind = \"TailWind\"] on Tailwind.Contents), " +
		"the attribute is the typo: the finding is on it and says which kind was meant.",
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
		if fix := kindTypo(c, m, kind); fix != "" {
			f := m.Attrs.Lookup("DataSource.Kind")
			p.Report(c.Main, f.Value, "data source kind %q names no kind record, but %q does and prefixes %q; did you mean [DataSource.Kind = %q]? fix the attribute rather than the function name", kind, fix, name, fix)
			continue
		}
		fn := name[strings.LastIndex(name, ".")+1:]
		if fn == "" || fn == kind {
			fn = "Contents"
		}
		p.Report(c.Main, m.Name, "exported function %q is not named DataSourceKind.FunctionName; rename it %q, or drop \"shared\" if it is a helper", name, kind+"."+fn)
	}
}

// kindTypo returns the kind that the [DataSource.Kind] attribute of m
// most likely meant when it names no kind record: the prefix of m's name
// (Tailwind of Tailwind.Contents) when a kind record has that name and it
// differs from kind only in case or by an edit or two; "" otherwise.
func kindTypo(c *Connector, m *ast.Member, kind string) string {
	if m.Attrs.Lookup("DataSource.Kind") == nil {
		return ""
	}
	if rec, _ := c.MemberRecord(kind); rec != nil {
		return ""
	}
	dot := strings.LastIndex(m.Name.Name, ".")
	if dot <= 0 {
		return ""
	}
	prefix := m.Name.Name[:dot]
	if rec, _ := c.MemberRecord(prefix); rec == nil {
		return ""
	}
	if strings.EqualFold(prefix, kind) || keyDistance(strings.ToLower(prefix), strings.ToLower(kind), 3) < 3 {
		return prefix
	}
	return ""
}
