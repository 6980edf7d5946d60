package checks

import (
	"fmt"
	"sort"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// DynamicExpressionEvaluate (PQ052) reports Expression.Evaluate of text
// that is neither constant nor a packaged file.
var DynamicExpressionEvaluate = &Rule{
	ID:       "PQ052",
	Name:     "dynamic-expression-evaluate",
	Severity: Error,
	Title:    "Expression.Evaluate of text that is not a constant or a packaged file",
	Doc: "Follows the text given to Expression.Evaluate back to where it is made — through let bindings, records, " +
		"section members, helper functions, and function parameters out to every call — and reports it when part of it " +
		"comes from the user (a parameter of a shared function), from a web call or other data access (Web.Contents, " +
		"OData.Feed, File.Contents, ... also after Text.FromBinary or Json.Document), from Extension.CurrentCredential(), " +
		"or from somewhere the checker cannot see (the row of an `each`, a function handed to a library call). Constant " +
		"text and packaged files are fine, also when user input only picks one of them (`{\"a\", \"b\"}{i}`, " +
		"Record.Field(constantRecord, name)): the official .pqm loader, Expression.Evaluate(Text.FromBinary(Extension.Contents(name)), #shared), " +
		"passes when every caller of the loader gives a constant file name; a call that does not is reported where it " +
		"passes the name. Evaluated text can call anything in #shared, including Extension.CurrentCredential(), so " +
		"certification asks that it be neither user input nor retrieved from the web. Fix it by evaluating only " +
		"packaged .pqm files with literal names, and by parsing data (Json.Document, Xml.Tables) instead of evaluating it.",
	Requirement: "If Expression.Evaluate() is used: The Expression shouldn't be user provided nor take user input. " +
		"The Expression shouldn't be dynamic (that is, retrieved from a web call).",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (filter as text) =>
    let
        rows = Json.Document(Web.Contents("https://api.contoso.com/v2/items")),
        table = Table.FromRecords(rows),
        selected = Expression.Evaluate("each " & filter, #shared)
    in
        Table.SelectRows(table, selected);

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = () =>
    let
        rows = Json.Document(Web.Contents("https://api.contoso.com/v2/items"))
    in
        Table.ToNavigationTable(Table.FromRecords(rows), {"id"}, "name", "data", "kind", "kind", "leaf");

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];

Extension.LoadFunction = (name as text) =>
    let
        binary = Extension.Contents(name),
        asText = Text.FromBinary(binary)
    in
        Expression.Evaluate(asText, #shared);

Table.ToNavigationTable = Extension.LoadFunction("Table.ToNavigationTable.pqm");
`,
		"Table.ToNavigationTable.pqm": `(table as table, keyColumns as list, nameColumn as text, dataColumn as any,
    itemKindColumn as any, itemNameColumn as any, isLeafColumn as any) as table =>
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
	Run: func(p *Pass) {
		sites := p.Conn.Calls("Expression.Evaluate")
		if len(sites) == 0 {
			return
		}
		t := newTracer(p.Conn)
		reported := map[string]bool{}
		for _, s := range sites {
			if len(s.Call.Args) == 0 {
				continue
			}
			t.reset()
			var found []evalSource
			t.evalSources(origin{X: s.Call.Args[0], Env: s.Env, File: s.File}, func(e evalSource) { found = append(found, e) })
			sort.SliceStable(found, func(i, j int) bool { return found[i].kind > found[j].kind })
			for _, e := range found {
				f, n := e.o.at(s.File, s.Call)
				key := fmt.Sprintf("%s:%d", f.Path, n.Pos())
				if reported[key] {
					continue
				}
				reported[key] = true
				sink := ""
				if f != s.File || n != ast.Node(s.Call) {
					sink = " at " + where(s.File, s.Call)
				}
				const fix = "evaluate only constant M or a packaged .pqm file read with Extension.Contents and a literal name"
				switch e.kind {
				case evalWeb:
					p.Report(f, n, "text from %s reaches Expression.Evaluate%s as M code; never evaluate code retrieved from a web call or other data source: parse the response as data (Json.Document, Xml.Tables) instead", e.what, sink)
				case evalCredential:
					p.Report(f, n, "text built from the credential (%s) reaches Expression.Evaluate%s; %s", e.what, sink, fix)
				case evalUser:
					p.Report(f, n, "text from %s, which the user sets, reaches Expression.Evaluate%s; %s", e.what, sink, fix)
				default:
					p.Report(f, n, "cannot tell where the text that reaches Expression.Evaluate%s comes from (%s); %s", sink, e.what, fix)
				}
			}
		}
	},
}

// selectorArg is, for the library functions that pick a value out of a
// record by name, the argument that names it. Like
// the index of `list{i}`, it decides which value comes out, not what the
// values are, so a user's choice among constants stays constant.
var selectorArg = map[string]int{"Record.Field": 1, "Record.FieldOrDefault": 1}

// evalKind grades where evaluated text comes from, worst last.
type evalKind int

const (
	evalUnknown evalKind = iota + 1
	evalUser
	evalCredential
	evalWeb
)

// evalSource is a part of an evaluated text that is not constant.
type evalSource struct {
	kind evalKind
	what string // for the message
	o    origin // the leaf
}

// evalSources calls bad for every part of the text o that is neither
// constant nor read from a packaged file.
func (t *tracer) evalSources(o origin, bad func(evalSource)) {
	t.walkLeaves(o, func(o origin, walk func(origin)) {
		sub := func(x ast.Expr) { walk(o.with(x, o.Env, nil)) }
		switch x := ast.Unparen(o.X).(type) {
		case *ast.Ident:
			switch k, member := t.paramSource(o); k {
			case paramUser:
				bad(evalSource{evalUser, fmt.Sprintf("parameter %q of shared %s", x.Name, member), o})
			case paramPassed:
				bad(evalSource{evalUnknown, fmt.Sprintf("%q is a parameter of a function handed to a library call", x.Name), o})
			}
		case *ast.FieldAccessExpr:
			if x.Name == nil {
				return
			}
			if x.X == nil {
				if d := o.Env.Lookup("_"); d == nil || !t.hasElements(d) {
					bad(evalSource{evalUnknown, fmt.Sprintf("field [%s] of the current row", x.Name.Name), o})
					return
				}
				sub(implicitTarget)
				return
			}
			sub(x.X)
		case *ast.ItemAccessExpr:
			sub(x.X)
		case *ast.UnaryExpr:
			sub(x.X)
		case *ast.BinaryExpr:
			switch x.Op {
			case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.AND, token.OR, token.IS:
				return // a logical, never text
			}
			sub(x.X)
			sub(x.Y)
		case *ast.IfExpr, *ast.TryExpr, *ast.ListExpr:
			passOn(x, sub)
		case *ast.RecordExpr:
			env := FieldEnv(x, o.Env)
			for _, fl := range x.Fields {
				walk(o.with(fl.Value, env, nil))
			}
		case *ast.CallExpr:
			name := t.lib(o, x.Fun)
			switch {
			case isCredentialCall(x, o.Env):
				bad(evalSource{evalCredential, snippet(o.File, x), o})
			case isDataAccess(name):
				bad(evalSource{evalWeb, fmt.Sprintf("%s at %s", name, where(o.File, x)), o})
			case name == "":
				bad(evalSource{evalUnknown, fmt.Sprintf("the result of %s", snippet(o.File, x)), o})
			default:
				// Extension.Contents reads a packaged file: its name must be
				// constant too; other library functions compute from their
				// arguments, except the name that picks a field: the text
				// is then one of the record's values, whoever chose it.
				for i, a := range x.Args {
					if sel, ok := selectorArg[name]; !ok || i != sel {
						sub(a)
					}
				}
			}
		}
	})
}
