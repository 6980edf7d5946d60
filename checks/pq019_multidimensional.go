package checks

import (
	"strings"

	"github.com/pqcert/pqcert/m/ast"
)

// Multidimensional (PQ019) finds cube functions and cube sources.
var Multidimensional = &Rule{
	ID:       "PQ019",
	Name:     "multidimensional",
	Severity: Error,
	Title:    "cube functions: data must be tabular",
	Doc: "Finds references to the library's cube functions (Cube.Transform, Cube.AddMeasureColumn, " +
		"Cube.Dimensions and every other Cube.*) and to library sources that return cubes " +
		"(AnalysisServices.Database(s), Essbase.Cubes, SapBusinessWarehouse.Cubes, AdobeAnalytics.Cubes), " +
		"directly or through an alias, in the section document and its modules. Names in comments and " +
		"text, and a connector's own functions that happen to be called Cube.*, do not count. " +
		"Certification accepts only relational data: tables with columns, not cubes, dimensions and " +
		"measures. Fix it by flattening the data into tables on the server or in M before returning it.",
	Requirement: "The connector MUST: Return data in tabular format, organized into tables with columns, " +
		"as for a relational data source. Multidimensional formats based on cubes, dimensions, and " +
		"measures aren't supported.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (server as text, database as text) =>
    let
        model = AnalysisServices.Database(server, database){[Id = "Sales"]}[Data],
        sales = Cube.Transform(model, {{Cube.AddMeasureColumn, "Amount", "[Measures].[Amount]"}})
    in
        sales;

Contoso = [Authentication = [Windows = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

// Contoso used to expose a cube (see Cube.Transform); it now serves plain tables.
[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) =>
    Table.FromRecords(Json.Document(Web.Contents(url, [RelativePath = "Cube.Transform"]))[rows]);

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runMultidimensional,
}

// cubeSources are library sources that return multidimensional data.
var cubeSources = map[string]bool{
	"AnalysisServices.Database": true, "AnalysisServices.Databases": true,
	"Essbase.Cubes": true, "SapBusinessWarehouse.Cubes": true, "AdobeAnalytics.Cubes": true,
}

func runMultidimensional(p *Pass) {
	names := map[*ast.Ident]bool{} // identifiers that name something rather than refer to it
	p.Conn.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		for _, id := range nameIdents(n) {
			names[id] = true
		}
		switch n := n.(type) {
		case *ast.Ident:
			if names[n] || env.Lookup(n.Name) != nil {
				return true
			}
			switch {
			case strings.HasPrefix(n.Name, "Cube."):
				p.Report(f, n, "%s works on multidimensional data (cubes, dimensions, measures), which certification does not accept; return the data as relational tables instead", n.Name)
			case cubeSources[n.Name]:
				p.Report(f, n, "%s returns multidimensional cubes, which certification does not accept; return the data as relational tables instead", n.Name)
			}
		}
		return true
	})
}
