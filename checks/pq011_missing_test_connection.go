package checks

import (
	"fmt"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// MissingTestConnection (PQ011) finds a data source kind without a usable
// TestConnection handler.
var MissingTestConnection = &Rule{
	ID:       "PQ011",
	Name:     "missing-test-connection",
	Severity: Error,
	Title:    "the data source kind record has no TestConnection function",
	Doc: "Finds a data source kind record without a TestConnection field, a TestConnection that is " +
		"not a function, and a TestConnection whose returned list names a data source function that " +
		"the section does not define or does not share. The on-premises data gateway calls " +
		"TestConnection to check credentials before a scheduled refresh; it must return a list whose " +
		"first item is the name of a shared function followed by its arguments. Fix it by adding " +
		"TestConnection = (dataSourcePath) => { \"Contoso.Contents\", dataSourcePath } to the kind " +
		"record, naming a function that is declared shared in the section. When that function's name has a word " +
		"certification forbids (PQ013), the suggestion names it as PQ013 asks to rename it, so that the two rules agree.",
	Requirement: "The connector MUST: Have TestConnection handler.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (tenant as text) => Json.Document(Web.Contents("https://" & tenant & ".contoso.com/api/items"));

Contoso = [
    Authentication = [Key = []],
    Label = "Contoso"
];

Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (tenant as text) => Json.Document(Web.Contents("https://" & tenant & ".contoso.com/api/items"));

Contoso = [
    TestConnection = (dataSourcePath) => { "Contoso.Contents", dataSourcePath },
    Authentication = [Key = []],
    Label = "Contoso"
];

Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runMissingTestConnection,
}

func runMissingTestConnection(p *Pass) {
	c := p.Conn
	fw := c.newFollower()
	seen := map[string]bool{}
	for _, ds := range c.DataSources() {
		if ds.Kind == "" || seen[ds.Kind] {
			continue
		}
		seen[ds.Kind] = true
		m := c.Member(ds.Kind)
		if m == nil {
			continue // PQ010
		}
		rv := fw.record(m.Value, fw.root)
		if rv == nil {
			continue
		}
		fn, note := "Contoso.Contents", ""
		if ds.Member.Name != nil {
			// When the function's name has a word certification forbids,
			// the name PQ013 asks for, so that the two rules agree.
			name := ds.Member.Name.Name
			if fn = withoutForbiddenWords(name, c.Kinds()); fn != name {
				note = fmt.Sprintf(", once %q is renamed to %q as PQ013 asks", name, fn)
			}
		}
		// What TestConnection should return: the function and, when it
		// needs one, the data source path.
		want := fmt.Sprintf("{ %q, dataSourcePath }", fn)
		if n, ok := fw.requiredParams(ds.Member.Value, fw.root); ok && n == 0 {
			want = fmt.Sprintf("{ %q }", fn)
		}
		tc := rv.Fields["TestConnection"]
		if tc == nil {
			if rv.Complete {
				p.Report(c.Main, m.Name, "kind record %q has no TestConnection; add TestConnection = (dataSourcePath) => %s so that the gateway can test the connection%s", ds.Kind, want, note)
			}
			continue
		}
		x, env := fw.follow(tc.Value, tc.Env)
		var body ast.Expr
		switch x := x.(type) {
		case *ast.FuncLit:
			body, env = x.Body, funcEnv(x, env)
		case *ast.EachExpr:
			body = x.Body
			env = env.push(1)
			env.defs["_"] = &Def{Name: "_", Kind: DefEach, Node: x, Env: env}
		case *ast.BasicLit, *ast.ListExpr, *ast.RecordExpr, *ast.TypeExpr:
			p.reportNode(tc.At, "TestConnection of %q is not a function; write TestConnection = (dataSourcePath) => %s%s", ds.Kind, want, note)
			continue
		default:
			continue
		}
		for _, l := range fw.returnedLists(body, env) {
			checkTestConnectionList(p, l.list, l.env, ds.Kind, fn, want, note)
		}
	}
}

type listAt struct {
	list *ast.ListExpr
	env  *Env
}

// returnedLists returns the list literals x can evaluate to: itself, both
// branches of an if, the left side of a list concatenation.
func (fw *follower) returnedLists(x ast.Expr, env *Env) []listAt {
	if !fw.spend() {
		return nil
	}
	x, env = fw.follow(x, env)
	switch x := x.(type) {
	case *ast.ListExpr:
		return []listAt{{x, env}}
	case *ast.IfExpr:
		return append(fw.returnedLists(x.Then, env), fw.returnedLists(x.Else, env)...)
	case *ast.BinaryExpr:
		if x.Op == token.CONCAT {
			return fw.returnedLists(x.X, env)
		}
	}
	return nil
}

func checkTestConnectionList(p *Pass, l *ast.ListExpr, env *Env, kind, fn, want, note string) {
	c := p.Conn
	if len(l.Items) == 0 {
		p.reportNode(l, "TestConnection of %q returns an empty list; return %s: the name of a shared function and its arguments%s", kind, want, note)
		return
	}
	name, ok := env.Text(l.Items[0])
	if !ok {
		return
	}
	at := ast.Node(l.Items[0])
	if lit, _ := env.Resolve(l.Items[0]); lit != nil {
		if _, ok := lit.(*ast.BasicLit); ok {
			at = lit // the name where it is written
		}
	}
	m := c.Member(name)
	switch {
	case m == nil:
		p.reportNode(at, "TestConnection of %q names %q, which the section does not define; name the shared data source function, e.g. %q%s", kind, name, fn, note)
	case !m.IsShared():
		p.reportNode(at, "TestConnection of %q names %q, which is not shared; declare it \"shared %s\" or name the shared data source function", kind, name, name)
	}
}

// requiredParams counts the parameters a function value requires (those
// not marked optional), looking through aliases and Value.ReplaceType (whose
// type, when it is a literal function type, is what callers see); ok is
// false when the function cannot be seen.
func (fw *follower) requiredParams(x ast.Expr, env *Env) (n int, ok bool) {
	var params []*ast.Param
	x, env = fw.follow(x, env)
	switch x := x.(type) {
	case *ast.FuncLit:
		params = x.Params
	case *ast.CallExpr:
		if env.LibraryName(x.Fun) != "Value.ReplaceType" || len(x.Args) < 2 {
			return 0, false
		}
		t, _ := fw.follow(x.Args[1], env)
		for t != nil {
			switch tt := t.(type) {
			case *ast.TypeExpr:
				t = tt.X
				continue
			case *ast.BinaryExpr:
				if tt.Op == token.META {
					t = tt.X
					continue
				}
			case *ast.ParenExpr:
				t = tt.X
				continue
			case *ast.FunctionType:
				params = tt.Params
			}
			break
		}
		if params == nil {
			return fw.requiredParams(x.Args[0], env)
		}
	default:
		return 0, false
	}
	for _, p := range params {
		if !p.Optional.IsValid() {
			n++
		}
	}
	return n, true
}
