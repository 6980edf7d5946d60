package checks

import (
	"strings"

	"github.com/pqcert/pqcert/m/ast"
)

// MissingNavigationTable (PQ018) finds a connector whose data source
// functions never produce a navigation table.
var MissingNavigationTable = &Rule{
	ID:       "PQ018",
	Name:     "missing-navigation-table",
	Severity: Warning,
	Title:    "the connector returns no navigation table",
	Doc: "Follows every data source function (the members with [DataSource.Kind]) through the names it " +
		"uses, the section members, let bindings and .pqm modules it reaches, and warns when none of " +
		"them reaches a navigation table: a call of Table.ToNavigationTable (the helper from the Power " +
		"Query docs, defined inline or in a module), NavigationTable.* type metadata, or a library " +
		"source that returns one itself (Odbc.DataSource, Sql.Database, OData.Feed and the like). " +
		"Certification asks for a navigation table so that users pick tables in the Navigator instead " +
		"of receiving one opaque result. Fix it by returning Table.ToNavigationTable(...) from the " +
		"data source function.",
	Requirement: "The connector SHOULD: Provide a navigation table.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) as table =>
    Table.FromRecords(Json.Document(Web.Contents(url))[value]);

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) as table =>
    let
        items = Json.Document(Web.Contents(url))[value],
        rows = List.Transform(items, each {_[name], _[name], Table.FromRecords(_[rows]), "Table", "Table", true}),
        source = #table({"Name", "Key", "Data", "ItemKind", "ItemName", "IsLeaf"}, rows)
    in
        Table.ToNavigationTable(source, {"Key"}, "Name", "Data", "ItemKind", "ItemName", "IsLeaf");

Table.ToNavigationTable = Extension.LoadFunction("Table.ToNavigationTable.pqm");

Extension.LoadFunction = (name as text) =>
    let
        binary = Extension.Contents(name),
        asText = Text.FromBinary(binary)
    in
        Expression.Evaluate(asText, #shared);

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
		"Table.ToNavigationTable.pqm": `(table as table, keyColumns as list, nameColumn as text, dataColumn as text,
 itemKindColumn as text, itemNameColumn as text, isLeafColumn as text) as table =>
    let
        tableType = Value.Type(table),
        newTableType = Type.AddTableKey(tableType, keyColumns, true) meta [
            NavigationTable.NameColumn = nameColumn,
            NavigationTable.DataColumn = dataColumn,
            NavigationTable.ItemKindColumn = itemKindColumn,
            Preview.DelayColumn = itemNameColumn,
            NavigationTable.IsLeafColumn = isLeafColumn
        ]
    in
        Value.ReplaceType(table, newTableType)
`,
	}},
	Run: runMissingNavigationTable,
}

// navigationSources are library functions that return navigation tables
// themselves.
var navigationSources = map[string]bool{
	"Odbc.DataSource": true, "OleDb.DataSource": true, "AdoDotNet.DataSource": true,
	"Sql.Database": true, "Sql.Databases": true, "OData.Feed": true,
	"Oracle.Database": true, "PostgreSQL.Database": true, "MySQL.Database": true,
	"DB2.Database": true, "Teradata.Database": true, "Snowflake.Databases": true,
	"AmazonRedshift.Database": true, "GoogleBigQuery.Database": true, "Databricks.Catalogs": true,
}

func runMissingNavigationTable(p *Pass) {
	c := p.Conn
	sources := c.DataSources()
	if len(sources) == 0 {
		return // PQ010
	}
	var names []string
	for _, ds := range sources {
		if ds.Member.Name == nil {
			return
		}
		if c.reachesNavigationTable(ds.Member) {
			return
		}
		names = append(names, ds.Member.Name.Name)
	}
	first := sources[0].Member
	if len(names) == 1 {
		p.Report(c.Main, first.Name, "data source function %q returns no navigation table; return Table.ToNavigationTable(...) (the helper from the Power Query docs) so that users pick tables in the Navigator", names[0])
		return
	}
	p.Report(c.Main, first.Name, "no data source function (%s) returns a navigation table; return Table.ToNavigationTable(...) from one of them so that users pick tables in the Navigator", strings.Join(names, ", "))
}

// reachesNavigationTable reports whether the member's value, or anything it
// refers to, builds a navigation table.
func (c *Connector) reachesNavigationTable(m *ast.Member) bool {
	fw := c.newFollower()
	type item struct {
		f   *MFile
		x   ast.Node
		env *Env
	}
	work := []item{{c.Main, m.Value, fw.root}}
	seen := map[ast.Node]bool{m.Value: true}
	push := func(f *MFile, x ast.Node, env *Env) {
		if x != nil && !seen[x] {
			seen[x] = true
			work = append(work, item{f, x, env})
		}
	}
	found := false
	for len(work) > 0 && !found {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		WalkExpr(it.f, it.x, it.env, func(f *MFile, n ast.Node, env *Env) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.Ident:
				if strings.Contains(n.Name, "NavigationTable") {
					found = true
				} else if d := env.Lookup(n.Name); d != nil {
					df := d.File
					if df == nil {
						df = f
					}
					push(df, d.Value, d.Env)
				} else if navigationSources[n.Name] {
					found = true
				}
			case *ast.Field:
				if n.Name != nil && strings.HasPrefix(n.Name.Name, "NavigationTable.") {
					found = true
				}
			case *ast.CallExpr:
				if mod := fw.loadedModule(n, env); mod != nil {
					push(mod, mod.AST.Expr, fw.root)
				}
			}
			return true
		})
	}
	return found
}
