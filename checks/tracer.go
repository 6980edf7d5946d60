package checks

import (
	"path"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// This file holds the tracer the security rules (PQ050–PQ052) share: it
// follows a value back to where it is made — through let bindings, record
// fields, section members, helper functions (into their bodies with the
// arguments bound), function parameters (out to every call site), and .pqm
// modules (modules.go).

// origin is an expression together with what it takes to read it: its
// scope, its file, the arguments bound to the parameters of the helpers
// the tracer entered, and Via, the outermost call argument through which
// the value entered a helper (nil when it never crossed a call from
// outside). Findings about a value that came in through an argument are
// reported at Via: that is the code to change.
type origin struct {
	X       ast.Expr
	Env     *Env
	File    *MFile
	Frame   *frame
	Via     ast.Expr
	ViaFile *MFile
}

func (o origin) with(x ast.Expr, env *Env, f *MFile) origin {
	if f == nil {
		f = o.File
	}
	o.X, o.Env, o.File = x, env, f
	return o
}

// at returns where a finding about o belongs: Via when set, else fallback.
func (o origin) at(f *MFile, fallback ast.Node) (*MFile, ast.Node) {
	if o.Via != nil {
		return o.ViaFile, o.Via
	}
	return f, fallback
}

// frame binds the parameters of a helper the tracer entered from a call.
type frame struct {
	binds  map[*ast.Param]origin
	parent *frame
}

type paramInfo struct {
	fn    *ast.FuncLit
	index int
}

// tracer follows values across one connector.
type tracer struct {
	c        *Connector
	root     *Env
	calls    map[*ast.FuncLit][]CallSite
	params   map[*ast.Param]paramInfo
	exported map[*ast.FuncLit]string // function → the shared member it is
	passed   map[*ast.FuncLit]bool   // given as an argument to some call
	elements map[ast.Node]origin     // each or one-parameter function given to a library call → the collection it runs over
	modules  map[string]*MFile       // lower-case base name → module
	budget   int
	seen     map[*ast.Param]bool // parameters followed to their callers in this question
	skipVia  map[ast.Expr]bool   // call arguments credentialIn no longer follows (credentialSites)
	ready    bool
}

// maxTraceSteps bounds the work for one question, so that recursive
// helpers and alias cycles end.
const maxTraceSteps = 20000

// maxIndexSteps bounds the work to find which functions one callee or
// argument can be, while the tracer indexes the connector.
const maxIndexSteps = 2000

// maxTraceDepth bounds how deep a rule's classification recurses.
const maxTraceDepth = 64

var nullLit = &ast.BasicLit{Kind: token.NULL, Raw: "null", Value: "null"}

// implicitTarget stands for the `_` that `[Name]` reads inside `each`.
var implicitTarget = &ast.Ident{Name: "_", Raw: "_"}

func newTracer(c *Connector) *tracer {
	t := &tracer{
		c:        c,
		root:     c.SectionEnv(),
		calls:    map[*ast.FuncLit][]CallSite{},
		params:   map[*ast.Param]paramInfo{},
		exported: map[*ast.FuncLit]string{},
		passed:   map[*ast.FuncLit]bool{},
		elements: map[ast.Node]origin{},
		modules:  map[string]*MFile{},
		seen:     map[*ast.Param]bool{},
	}
	for _, m := range c.Modules {
		if m.AST != nil && m.AST.Expr != nil {
			t.modules[strings.ToLower(path.Base(m.Path))] = m
		}
	}
	for _, f := range c.MFiles() {
		if f.AST == nil {
			continue
		}
		ast.Inspect(f.AST, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncLit); ok {
				for i, p := range fn.Params {
					t.params[p] = paramInfo{fn, i}
				}
			}
			return true
		})
	}
	c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		t.budget = maxIndexSteps
		for _, fo := range t.functions(origin{X: call.Fun, Env: env, File: f}) {
			fn := fo.X.(*ast.FuncLit)
			t.calls[fn] = append(t.calls[fn], CallSite{File: f, Call: call, Env: env})
		}
		for _, a := range call.Args {
			t.budget = maxIndexSteps
			for _, fo := range t.functions(origin{X: a, Env: env, File: f}) {
				t.passed[fo.X.(*ast.FuncLit)] = true
			}
		}
		t.noteElements(call, env, f)
		return true
	})
	if sec := c.Section(); sec != nil {
		for _, m := range sec.Members {
			if !m.IsShared() || m.Name == nil || m.Value == nil {
				continue
			}
			t.budget = maxIndexSteps
			for _, fo := range t.functions(origin{X: m.Value, Env: t.root, File: c.Main}) {
				t.exported[fo.X.(*ast.FuncLit)] = m.Name.Name
			}
		}
	}
	t.ready = true
	return t
}

// noteElements records, for `each` bodies and one-parameter functions
// written directly as an argument of a library call after the first
// (Table.AddColumn(rows, "C", each ...), List.Transform(items, (x) => ...)),
// that their parameter ranges over the first argument: the value of `_`
// then comes from that collection.
func (t *tracer) noteElements(call *ast.CallExpr, env *Env, f *MFile) {
	if len(call.Args) < 2 || env.LibraryName(call.Fun) == "" {
		return
	}
	coll := origin{X: call.Args[0], Env: env, File: f}
	for _, a := range call.Args[1:] {
		switch fn := ast.Unparen(a).(type) {
		case *ast.EachExpr:
			t.elements[fn] = coll
		case *ast.FuncLit:
			if len(fn.Params) == 1 {
				t.elements[fn.Params[0]] = coll
			}
		}
	}
}

// hasElements reports whether the tracer knows the collection that the
// parameter or `each` of d ranges over.
func (t *tracer) hasElements(d *Def) bool {
	_, ok := t.elements[d.Node]
	return ok
}

// reset gives the tracer a fresh budget for a new question.
func (t *tracer) reset() {
	t.budget = maxTraceSteps
	t.seen = map[*ast.Param]bool{}
	t.skipVia = nil
}

// lib returns the library function that x names, or "".
func (t *tracer) lib(o origin, x ast.Expr) string { return o.Env.LibraryName(x) }

// expand takes one step from o towards where its value is made. It returns
// false when o is a leaf: a literal, an operator, a library call, a
// parameter nobody binds, and so on; the rules classify leaves themselves.
func (t *tracer) expand(o origin) ([]origin, bool) {
	if t.budget <= 0 || o.X == nil || o.Env == nil {
		return nil, false
	}
	t.budget--
	switch x := ast.Unparen(o.X).(type) {
	case *ast.Ident:
		d := o.Env.Lookup(x.Name)
		if d == nil {
			return nil, false
		}
		if coll, ok := t.elements[d.Node]; ok && (d.Kind == DefEach || d.Kind == DefParam) {
			return []origin{coll}, true
		}
		if d.Kind == DefParam {
			p, _ := d.Node.(*ast.Param)
			for fr := o.Frame; fr != nil; fr = fr.parent {
				if b, ok := fr.binds[p]; ok {
					return []origin{b}, true
				}
			}
			return t.callers(p)
		}
		if d.Value == nil {
			return nil, false
		}
		return []origin{o.with(d.Value, d.Env, d.File)}, true
	case *ast.LetExpr:
		return []origin{o.with(x.Body, letEnv(x, o.Env), nil)}, true
	case *ast.BinaryExpr:
		if x.Op == token.META || x.Op == token.AS {
			return []origin{o.with(x.X, o.Env, nil)}, true
		}
	case *ast.FieldAccessExpr:
		if x.Name == nil {
			return nil, false
		}
		target := x.X
		if target == nil {
			target = implicitTarget
		}
		var out []origin
		for _, r := range t.leaves(o.with(target, o.Env, nil)) {
			rec, ok := ast.Unparen(r.X).(*ast.RecordExpr)
			if !ok {
				continue
			}
			if fl := rec.Lookup(x.Name.Name); fl != nil {
				out = append(out, r.with(fl.Value, FieldEnv(rec, r.Env), nil))
			}
		}
		return out, len(out) > 0
	case *ast.CallExpr:
		if m := t.moduleCall(o, x); m != nil {
			return []origin{{X: m.AST.Expr, Env: t.root, File: m, Via: o.Via, ViaFile: o.ViaFile}}, true
		}
		if t.lib(o, x.Fun) == "Value.ReplaceType" && len(x.Args) > 0 {
			return []origin{o.with(x.Args[0], o.Env, nil)}, true
		}
		var out []origin
		for _, fo := range t.functions(o.with(x.Fun, o.Env, nil)) {
			out = append(out, t.enter(o, x, fo))
		}
		return out, len(out) > 0
	}
	return nil, false
}

// enter returns the body of the function fo called by call, with the
// call's arguments bound to its parameters.
func (t *tracer) enter(o origin, call *ast.CallExpr, fo origin) origin {
	fn := fo.X.(*ast.FuncLit)
	env := fo.Env.push(len(fn.Params))
	binds := make(map[*ast.Param]origin, len(fn.Params))
	for i, p := range fn.Params {
		if p.Name == nil {
			continue
		}
		env.defs[p.Name.Name] = &Def{Name: p.Name.Name, Kind: DefParam, Node: p, File: fo.File, Env: env}
		if i < len(call.Args) {
			binds[p] = o.with(call.Args[i], o.Env, nil)
		} else {
			binds[p] = o.with(nullLit, o.Env, nil)
		}
	}
	return origin{X: fn.Body, Env: env, File: fo.File, Frame: &frame{binds: binds, parent: fo.Frame}, Via: o.Via, ViaFile: o.ViaFile}
}

// callers returns the arguments passed for parameter p at every call of
// its function; false when there are none to follow (the parameter is then
// a leaf: see paramSource).
func (t *tracer) callers(p *ast.Param) ([]origin, bool) {
	info, ok := t.params[p]
	if !ok || !t.ready || t.exported[info.fn] != "" {
		return nil, false
	}
	sites := t.calls[info.fn]
	if len(sites) == 0 {
		return nil, false
	}
	if t.seen[p] {
		return nil, true // a cycle (recursion): the callers are being followed already
	}
	t.seen[p] = true
	out := make([]origin, 0, len(sites))
	for _, s := range sites {
		if info.index < len(s.Call.Args) {
			a := s.Call.Args[info.index]
			out = append(out, origin{X: a, Env: s.Env, File: s.File, Via: a, ViaFile: s.File})
		}
	}
	return out, true
}

// paramKind says where an unbound parameter leaf gets its value.
type paramKind int

const (
	notParam    paramKind = iota
	paramUser             // a parameter of a shared function: the user sets it
	paramPassed           // a function handed to a library call (each, List.Transform): unknown
	paramDead             // a function nobody calls: nothing flows in
)

// paramSource classifies a leaf that is a parameter; name is the exported
// member for paramUser.
func (t *tracer) paramSource(o origin) (k paramKind, name string) {
	id, ok := ast.Unparen(o.X).(*ast.Ident)
	if !ok {
		return notParam, ""
	}
	d := o.Env.Lookup(id.Name)
	if d == nil {
		return notParam, ""
	}
	switch d.Kind {
	case DefEach:
		return paramPassed, ""
	case DefParam:
	default:
		return notParam, ""
	}
	p, _ := d.Node.(*ast.Param)
	info, ok := t.params[p]
	switch {
	case !ok:
		return paramPassed, ""
	case t.exported[info.fn] != "":
		return paramUser, t.exported[info.fn]
	case t.passed[info.fn]:
		return paramPassed, ""
	case len(t.calls[info.fn]) > 0:
		return paramDead, "" // reached only when the budget ran out
	}
	return paramDead, ""
}

// leaves expands o as far as it goes and returns what it ends in.
func (t *tracer) leaves(o origin) []origin {
	var out []origin
	stack := []origin{o}
	for len(stack) > 0 && len(out) < 64 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		next, ok := t.expand(cur)
		if !ok {
			out = append(out, cur)
			continue
		}
		stack = append(stack, next...)
	}
	return out
}

// walkLeaves expands o as far as it goes, depth first, and calls leaf for
// each leaf it ends in; leaf classifies it, and walks on into the parts
// that carry the value (the operands of `&`, the branches of `if`, the
// arguments of a library call, ...) by calling sub. Each step down counts
// towards maxTraceDepth, past which the walk gives up quietly; a nil
// expression given to sub is skipped.
func (t *tracer) walkLeaves(o origin, leaf func(o origin, sub func(origin))) {
	var walk func(o origin, depth int)
	walk = func(o origin, depth int) {
		if depth > maxTraceDepth {
			return
		}
		if next, ok := t.expand(o); ok {
			for _, n := range next {
				walk(n, depth+1)
			}
			return
		}
		leaf(o, func(part origin) {
			if part.X != nil {
				walk(part, depth+1)
			}
		})
	}
	walk(o, 0)
}

// passOn calls sub for the parts of x whose value x passes on as it is:
// both branches of an `if`, the expression and the fallback of a `try`,
// every item of a list (the URLs of List.Transform(urls, each
// Web.Contents(_))). The rules' leaf functions walk them all alike.
func passOn(x ast.Expr, sub func(ast.Expr)) {
	switch x := x.(type) {
	case *ast.IfExpr:
		sub(x.Then)
		sub(x.Else)
	case *ast.TryExpr:
		sub(x.X)
		sub(x.Default)
	case *ast.ListExpr:
		for _, it := range x.Items {
			sub(it)
		}
	}
}

// functions returns the function literals that o can evaluate to.
func (t *tracer) functions(o origin) []origin {
	var out []origin
	for _, l := range t.leaves(o) {
		if _, ok := ast.Unparen(l.X).(*ast.FuncLit); ok {
			l.X = ast.Unparen(l.X)
			out = append(out, l)
		}
	}
	return out
}
