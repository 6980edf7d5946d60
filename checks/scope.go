package checks

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// DefKind says what introduced a name.
type DefKind int

const (
	DefMember DefKind = iota + 1 // a section member
	DefLet                       // a let binding
	DefField                     // a record field, visible to its siblings
	DefParam                     // a function parameter (no value)
	DefEach                      // the implicit `_` of each
)

// Def is what a name refers to in M's lexical scope.
type Def struct {
	Name  string
	Kind  DefKind
	Node  ast.Node // *ast.Member, *ast.Field, *ast.Param or *ast.EachExpr
	Value ast.Expr // the bound expression; nil for parameters
	File  *MFile
	Env   *Env // the scope the value is evaluated in
}

// Env is a lexical scope: the names visible at a point of the tree.
// Lookups fall back to the enclosing scope; a name found nowhere is a
// library function or value, such as Web.Contents.
type Env struct {
	parent *Env
	defs   map[string]*Def
	file   *MFile // the file whose code this scope belongs to
}

// File returns the M file the scope's code is in (nil for the section
// scope seen from no file).
func (e *Env) File() *MFile {
	if e == nil {
		return nil
	}
	return e.file
}

// Lookup returns the definition of name visible in e, or nil.
func (e *Env) Lookup(name string) *Def {
	for ; e != nil; e = e.parent {
		if d, ok := e.defs[name]; ok {
			return d
		}
	}
	return nil
}

func (e *Env) push(n int) *Env {
	return &Env{parent: e, defs: make(map[string]*Def, n), file: e.File()}
}

// pushIn opens a scope for code in file f.
func (e *Env) pushIn(f *MFile, n int) *Env {
	inner := e.push(n)
	inner.file = f
	return inner
}

// maxResolve bounds how many aliases Resolve follows, so that a cycle
// such as `a = b, b = a` ends.
const maxResolve = 32

// Resolve follows x through parentheses and identifiers bound to values
// (let bindings, record fields, section members) and returns the
// expression it finally stands for, with the scope that expression is
// evaluated in. Parameters and library names resolve to themselves.
func (e *Env) Resolve(x ast.Expr) (ast.Expr, *Env) {
	env := e
	for range maxResolve {
		x = ast.Unparen(x)
		id, ok := x.(*ast.Ident)
		if !ok || env == nil {
			return x, env
		}
		d := env.Lookup(id.Name)
		if d == nil || d.Value == nil {
			return x, env
		}
		x, env = d.Value, d.Env
	}
	return x, env
}

// LibraryName returns the library name x refers to after following
// aliases (`LoadString = Extension.LoadString` makes `LoadString` refer to
// "Extension.LoadString"), or "" when x is not an unbound name.
func (e *Env) LibraryName(x ast.Expr) string {
	r, env := e.Resolve(x)
	id, ok := r.(*ast.Ident)
	if !ok || env.Lookup(id.Name) != nil {
		return ""
	}
	return id.Name
}

// Text returns the constant text x evaluates to: a text literal, a name
// bound to one, or an & concatenation of such; ok is false otherwise.
func (e *Env) Text(x ast.Expr) (string, bool) {
	r, env := e.Resolve(x)
	switch r := r.(type) {
	case *ast.BasicLit:
		return ast.TextValue(r)
	case *ast.BinaryExpr:
		if r.Op != token.CONCAT {
			return "", false
		}
		a, ok1 := env.Text(r.X)
		b, ok2 := env.Text(r.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}

// Record returns the record expression x evaluates to, following aliases,
// or nil.
func (e *Env) Record(x ast.Expr) (*ast.RecordExpr, *Env) {
	r, env := e.Resolve(x)
	rec, _ := r.(*ast.RecordExpr)
	return rec, env
}

// Visitor is called for every node of a walk, with the scope at that node.
// Returning false skips the node's children.
type Visitor func(f *MFile, n ast.Node, env *Env) bool

// Walk visits every node of the connector's M files with its scope. The
// section's members are visible in the whole section; a module (.pqm) is
// an expression that sees the section's shared members, as it does when
// Extension.LoadFunction evaluates it against #shared.
//
// Every rule walks the connector, so the walk is made once: the nodes are
// kept in order with their scopes, and a later walk replays them, jumping
// past a subtree whose root the visitor declines.
func (c *Connector) Walk(v Visitor) {
	vs := c.visits()
	for i := 0; i < len(vs); {
		if v(vs[i].f, vs[i].n, vs[i].env) {
			i++
		} else {
			i = int(vs[i].end)
		}
	}
}

// visit is one node of a connector's walk: its file, its scope, and the
// index just past its subtree.
type visit struct {
	f   *MFile
	n   ast.Node
	env *Env
	end int32
}

func (c *Connector) visits() []visit { return cached(c, "walk", c.flatten) }

// flatten walks every M file once, in source order, recording each node
// with its depth, then turns depths into subtree ends.
func (c *Connector) flatten() []visit {
	var vs []visit
	var depths []int32
	root := c.SectionEnv()
	for _, f := range c.MFiles() {
		if f.AST == nil {
			continue
		}
		var top ast.Node = f.AST.Section
		if f.AST.Section == nil {
			top = f.AST.Expr
		}
		if top == nil {
			continue
		}
		walkDepth(f, top, root, func(f *MFile, n ast.Node, env *Env, depth int32) {
			vs = append(vs, visit{f: f, n: n, env: env})
			depths = append(depths, depth)
		})
	}
	// A node's subtree ends at the next node that is no deeper than it.
	var open []int // indexes whose end is not known yet
	for i, d := range depths {
		for len(open) > 0 && depths[open[len(open)-1]] >= d {
			vs[open[len(open)-1]].end = int32(i)
			open = open[:len(open)-1]
		}
		open = append(open, i)
	}
	for _, i := range open {
		vs[i].end = int32(len(vs))
	}
	return vs
}

// SectionEnv returns the scope of the main section: its members. It is
// made once per connector and shared, never changed.
func (c *Connector) SectionEnv() *Env { return cached(c, "sectionEnv", c.sectionEnv) }

func (c *Connector) sectionEnv() *Env {
	sec := c.Section()
	env := (*Env)(nil).pushIn(c.Main, 0)
	if sec == nil {
		return env
	}
	for _, m := range sec.Members {
		if m.Name != nil {
			env.defs[m.Name.Name] = &Def{Name: m.Name.Name, Kind: DefMember, Node: m, Value: m.Value, File: c.Main, Env: env}
		}
	}
	return env
}

// WalkExpr visits x and its children with scopes, starting from env.
func WalkExpr(f *MFile, x ast.Node, env *Env, v Visitor) { walkScoped(f, x, env, v) }

// walkScoped visits n and its descendants in source order with their
// scopes. It keeps its own stack, so a deep tree (a long operator chain)
// cannot exhaust the goroutine's.
func walkScoped(f *MFile, n ast.Node, env *Env, v Visitor) {
	walkScopedDepth(f, n, env, func(f *MFile, n ast.Node, env *Env, _ int32) bool { return v(f, n, env) })
}

// walkDepth visits every node under n, with its scope and depth.
func walkDepth(f *MFile, n ast.Node, env *Env, v func(*MFile, ast.Node, *Env, int32)) {
	walkScopedDepth(f, n, env, func(f *MFile, n ast.Node, env *Env, depth int32) bool {
		v(f, n, env, depth)
		return true
	})
}

func walkScopedDepth(f *MFile, n ast.Node, env *Env, v func(*MFile, ast.Node, *Env, int32) bool) {
	type item struct {
		n     ast.Node
		env   *Env
		depth int32
	}
	stack := []item{{n, env, 0}}
	var kids []item
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n, env, depth := it.n, it.env, it.depth+1
		if n == nil || !v(f, n, env, it.depth) {
			continue
		}
		kids = kids[:0]
		// A scope's names are all defined before any of its children is
		// visited: the children wait on the stack.
		switch n := n.(type) {
		case *ast.LetExpr:
			inner := letScope(f, n, env)
			for _, b := range n.Bindings {
				kids = append(kids, item{b, inner, depth})
			}
			kids = append(kids, item{n.Body, inner, depth})
		case *ast.RecordExpr:
			inner := recordScope(f, n, env)
			for _, fl := range n.Fields {
				kids = append(kids, item{fl, inner, depth})
			}
		case *ast.FuncLit:
			inner := env.pushIn(f, len(n.Params))
			for _, p := range n.Params {
				inner.define(f, p.Name, DefParam, p, nil)
				kids = append(kids, item{p, inner, depth})
			}
			if n.ReturnType != nil {
				kids = append(kids, item{n.ReturnType, inner, depth})
			}
			kids = append(kids, item{n.Body, inner, depth})
		case *ast.EachExpr:
			inner := env.pushIn(f, 1)
			inner.defs["_"] = &Def{Name: "_", Kind: DefEach, Node: n, File: f, Env: inner}
			kids = append(kids, item{n.Body, inner, depth})
		default:
			for _, c := range ast.Children(n) {
				kids = append(kids, item{c, env, depth})
			}
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}

// letScope opens the scope inside a let expression of file f: its
// bindings see one another and the body sees them all.
func letScope(f *MFile, l *ast.LetExpr, env *Env) *Env {
	inner := env.pushIn(f, len(l.Bindings))
	for _, b := range l.Bindings {
		inner.define(f, b.Name, DefLet, b, b.Value)
	}
	return inner
}

// recordScope opens the scope inside a record expression of file f: its
// fields see one another.
func recordScope(f *MFile, r *ast.RecordExpr, env *Env) *Env {
	inner := env.pushIn(f, len(r.Fields))
	for _, fl := range r.Fields {
		inner.define(f, fl.Name, DefField, fl, fl.Value)
	}
	return inner
}

// define binds name (when there is one) in e.
func (e *Env) define(f *MFile, name *ast.Ident, kind DefKind, node ast.Node, value ast.Expr) {
	if name != nil {
		e.defs[name.Name] = &Def{Name: name.Name, Kind: kind, Node: node, Value: value, File: f, Env: e}
	}
}

// CallSite is a call found by Calls, with the scope it is made in.
type CallSite struct {
	File *MFile
	Call *ast.CallExpr
	Env  *Env
}

// Calls returns every call in the connector whose callee refers to one of
// the library functions named, directly or through aliases.
func (c *Connector) Calls(names ...string) []CallSite {
	var out []CallSite
	c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name := env.LibraryName(call.Fun)
		for _, want := range names {
			if name == want {
				out = append(out, CallSite{File: f, Call: call, Env: env})
				break
			}
		}
		return true
	})
	return out
}
