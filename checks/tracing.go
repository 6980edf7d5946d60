package checks

import (
	"path"
	"regexp"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// This file finds what the tracing rules (PQ040–PQ043) share: every call
// that writes to the Power Query trace log, and the flag (a name bound to
// a logical literal, conventionally EnableTraceOutput) that turns each one
// off. A flag gates a trace call when, for one of its two values, the
// call can no longer run: it sits in the branch of an `if` on the flag that
// is not taken, or the name it is called through is bound to such an `if`,
// as in
//
//	Diagnostics.LogValue = if (EnableTraceOutput) then Diagnostics[LogValue] else (prefix, value) => value;
//
// That value is the flag's "off" value; a flag holding the other one has
// tracing on. Conditions are evaluated over the flag alone (everything else
// unknown), so `EnableTraceOutput <> true`, `not Debug`, `Flag = false` and
// `Flag and x` all count, whichever value turns tracing off.

// traceLibrary is the library function that writes a trace.
// Diagnostics.ActivityId and Diagnostics.CorrelationId only read ids.
const traceLibrary = "Diagnostics.Trace"

// traceHelpers are the functions of the Diagnostics.pqm helper module
// (TripPin sample) that write traces; ValueToText only formats.
var traceHelpers = map[string]bool{
	"LogValue": true, "LogValue2": true, "LogFailure": true,
	"WrapFunctionResult": true, "WrapHandlers": true, "Trace": true,
}

// traceFlagNameRE recognises a flag by its name even when it gates no
// call that pqcert can see (EnableTraceOutput, TracingEnabled, EnableTrace).
var traceFlagNameRE = regexp.MustCompile(`(?i)trac(e|ing)`)

// traceFlag is a name bound to a logical literal that gates tracing.
type traceFlag struct {
	Name string
	Lit  *ast.BasicLit // the literal: where PQ040 and PQ042 report
	File *MFile
	Off  bool // the value that turns tracing off
	N    int  // how many trace calls it gates
}

// On reports whether the flag's literal turns tracing on.
func (f *traceFlag) On() bool { return (f.Lit.Kind == token.TRUE) != f.Off }

// Value returns the flag's literal text, "true" or "false".
func (f *traceFlag) Value() string { return f.Lit.Raw }

// traceCall is one call that writes a trace.
type traceCall struct {
	CallSite
	Func       string     // how the call names the function, for messages
	Helper     string     // the helper module's function it reaches ("" for Diagnostics.Trace)
	Gate       *traceFlag // the flag that turns it off, nil when none does
	Origin     *Def       // the binding through which a helper or alias reaches the call, or nil
	OriginFile *MFile     // the file of Origin
	// Computed, for an ungated call under an `if` on a flag-like name bound
	// to an expression rather than a literal (`EnableTraceOutput = not
	// false`), is that binding as written; "" otherwise.
	Computed string
}

// traceInfo is the result of the analysis.
type traceInfo struct {
	Calls []*traceCall
	Flags []*traceFlag // every flag that gates a call or is named like one, in source order
}

// traceRef is what traceAnalyzer.ref finds for a callee.
type traceRef struct {
	helper string
	gate   *traceFlag
	origin *Def
	file   *MFile
}

type traceAnalyzer struct {
	c      *Connector
	flags  map[*ast.BasicLit]*traceFlag
	order  []*traceFlag
	ranges []gatedRange
	// computed are `if` expressions on a flag-like name bound to something
	// other than a logical literal: not flags, but worth naming.
	computed []computedGate
}

// computedGate is an `if` whose condition names a flag-like binding that
// is not a literal.
type computedGate struct {
	file     *MFile
	pos, end token.Pos
	binding  string // "Name = value", as written
}

// gatedRange is a branch of an `if` that does not run when Flag is off.
type gatedRange struct {
	file     *MFile
	pos, end token.Pos
	flag     *traceFlag
}

// traceAnalysis finds the trace calls of c and the flags that gate them;
// PQ040–PQ043 share one analysis per connector.
func (c *Connector) traceAnalysis() *traceInfo {
	return cached(c, "trace", c.analyzeTracing)
}

func (c *Connector) analyzeTracing() *traceInfo {
	a := &traceAnalyzer{c: c, flags: map[*ast.BasicLit]*traceFlag{}}
	info := &traceInfo{}
	// The branches that a flag turns off.
	c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		if isTraceHelperModule(f) {
			return false
		}
		if x, ok := n.(*ast.IfExpr); ok {
			gates := a.condGates(x.Cond, env, f)
			if len(gates) == 0 {
				if b := computedFlag(x.Cond, env, f); b != "" {
					a.computed = append(a.computed, computedGate{f, x.Pos(), x.End(), b})
				}
			}
			for _, g := range gates {
				if v, ok := a.eval(x.Cond, env, f, g.Lit, g.Off); ok {
					branch := x.Then
					if v {
						branch = x.Else
					}
					if branch != nil {
						a.ranges = append(a.ranges, gatedRange{f, branch.Pos(), branch.End(), g})
					}
				}
			}
		}
		return true
	})
	// The trace calls.
	c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		if isTraceHelperModule(f) {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		r := a.ref(call.Fun, env, f, 0)
		if r == nil {
			return true
		}
		tc := &traceCall{CallSite: CallSite{File: f, Call: call, Env: env}, Func: calleeName(f, call.Fun), Helper: r.helper, Gate: r.gate, Origin: r.origin, OriginFile: r.file}
		if tc.Gate == nil {
			tc.Gate = a.lexicalGate(f, call)
		}
		if tc.Gate == nil {
			tc.Computed = a.computedGate(f, call)
			if tc.Computed == "" && tc.Origin != nil && tc.Origin.Value != nil {
				tc.Computed = a.computedGate(tc.OriginFile, ast.Unparen(tc.Origin.Value))
			}
		}
		if tc.Gate != nil {
			tc.Gate.N++
		}
		info.Calls = append(info.Calls, tc)
		return true
	})
	// Flags known by name only: a member or let binding like
	// EnableTraceOutput (record fields are options of something else).
	lets := map[*ast.Field]bool{}
	c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		if isTraceHelperModule(f) {
			return false
		}
		var name *ast.Ident
		var value ast.Expr
		switch n := n.(type) {
		case *ast.LetExpr:
			for _, b := range n.Bindings {
				lets[b] = true
			}
		case *ast.Member:
			name, value = n.Name, n.Value
		case *ast.Field:
			if lets[n] {
				name, value = n.Name, n.Value
			}
		}
		if name == nil || !traceFlagNameRE.MatchString(name.Name) || strings.Contains(strings.ToLower(name.Name), "disable") {
			return true
		}
		if lit, ok := ast.Unparen(value).(*ast.BasicLit); ok && (lit.Kind == token.TRUE || lit.Kind == token.FALSE) {
			a.flag(name.Name, lit, f, false)
		}
		return true
	})
	info.Flags = a.order
	return info
}

// flag returns the flag of a literal, creating it with its off value.
func (a *traceAnalyzer) flag(name string, lit *ast.BasicLit, f *MFile, off bool) *traceFlag {
	if fl := a.flags[lit]; fl != nil {
		return fl
	}
	fl := &traceFlag{Name: name, Lit: lit, File: f, Off: off}
	a.flags[lit] = fl
	a.order = append(a.order, fl)
	return fl
}

// isTraceHelperModule reports whether f is the Diagnostics.pqm helper
// module itself, whose definitions are not call sites.
// It runs for every node of a walk, so it does not allocate.
func isTraceHelperModule(f *MFile) bool {
	base := path.Base(f.Path)
	const prefix, suffix = "diagnostics", ".pqm"
	return len(base) >= len(prefix)+len(suffix) &&
		strings.EqualFold(base[:len(prefix)], prefix) && strings.EqualFold(base[len(base)-len(suffix):], suffix)
}

// calleeName is how a call names its function, for messages.
func calleeName(f *MFile, fun ast.Expr) string {
	if id, ok := ast.Unparen(fun).(*ast.Ident); ok {
		return id.Raw
	}
	return snippet(f, fun)
}

// literalFlag follows a name to the logical literal it is bound to:
// the flag's literal and the name bound to it directly, or nil.
func literalFlag(id *ast.Ident, env *Env, f *MFile) (*ast.BasicLit, string, *MFile) {
	name := id.Name
	for range maxResolve {
		d := env.Lookup(name)
		if d == nil || d.Value == nil || d.Kind == DefParam || d.Kind == DefEach {
			return nil, "", nil
		}
		if d.File != nil {
			f = d.File
		}
		switch v := ast.Unparen(d.Value).(type) {
		case *ast.BasicLit:
			if v.Kind == token.TRUE || v.Kind == token.FALSE {
				return v, d.Name, f
			}
			return nil, "", nil
		case *ast.Ident:
			name, env = v.Name, d.Env
			continue
		}
		return nil, "", nil
	}
	return nil, "", nil
}

// condGates returns the candidate gates of a condition: for each flag
// named in cond and each value of the flag that decides cond on its own, a
// traceFlag with Off set to that value. Which branch that value turns off
// is for the caller to work out with eval.
func (a *traceAnalyzer) condGates(cond ast.Expr, env *Env, f *MFile) []*traceFlag {
	var out []*traceFlag
	seen := map[*ast.BasicLit]bool{}
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FieldAccessExpr, *ast.FuncLit, *ast.EachExpr, *ast.LetExpr, *ast.RecordExpr:
			return false // names inside are field names or bound elsewhere
		case *ast.Ident:
			lit, name, lf := literalFlag(n, env, f)
			if lit == nil || seen[lit] {
				return true
			}
			seen[lit] = true
			for _, off := range []bool{false, true} {
				if _, ok := a.eval(cond, env, f, lit, off); ok {
					out = append(out, &traceFlag{Name: name, Lit: lit, File: lf, Off: off})
				}
			}
		}
		return true
	})
	return out
}

// gate turns a candidate from condGates into the analysis's flag.
func (a *traceAnalyzer) gate(c *traceFlag) *traceFlag {
	fl := a.flag(c.Name, c.Lit, c.File, c.Off)
	fl.Off = c.Off
	return fl
}

// eval evaluates a condition with the flag whose literal is target set to
// val and every other name unknown; ok is false when the result depends
// on something else.
func (a *traceAnalyzer) eval(x ast.Expr, env *Env, f *MFile, target *ast.BasicLit, val bool) (v, ok bool) {
	switch x := ast.Unparen(x).(type) {
	case *ast.BasicLit:
		switch x.Kind {
		case token.TRUE:
			return true, true
		case token.FALSE:
			return false, true
		}
	case *ast.Ident:
		if lit, _, _ := literalFlag(x, env, f); lit == target {
			return val, true
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := a.eval(x.X, env, f, target, val)
			return !v, ok
		}
	case *ast.BinaryExpr:
		l, lok := a.eval(x.X, env, f, target, val)
		r, rok := a.eval(x.Y, env, f, target, val)
		switch x.Op {
		case token.AND:
			if (lok && !l) || (rok && !r) {
				return false, true
			}
			return true, lok && rok
		case token.OR:
			if (lok && l) || (rok && r) {
				return true, true
			}
			return false, lok && rok
		case token.EQL:
			return l == r, lok && rok
		case token.NEQ:
			return l != r, lok && rok
		}
	}
	return false, false
}

// ref reports whether calling x writes a trace, and through what.
func (a *traceAnalyzer) ref(x ast.Expr, env *Env, f *MFile, depth int) *traceRef {
	if depth > maxResolve || env == nil {
		return nil
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		d := env.Lookup(x.Name)
		if d == nil {
			if x.Name == traceLibrary {
				return &traceRef{}
			}
			if h, ok := strings.CutPrefix(x.Name, "Diagnostics."); ok && traceHelpers[h] {
				return &traceRef{helper: h} // the helper's name without a definition
			}
			return nil
		}
		if d.Value == nil {
			return nil
		}
		df := f
		if d.File != nil {
			df = d.File
		}
		r := a.ref(d.Value, d.Env, df, depth+1)
		if r != nil && r.origin == nil && r.gate == nil {
			r.origin, r.file = d, df
		}
		return r
	case *ast.FieldAccessExpr:
		if x.X != nil && x.Name != nil && traceHelpers[x.Name.Name] && loadsTraceHelper(x.X, env) {
			return &traceRef{helper: x.Name.Name}
		}
	case *ast.LetExpr:
		return a.ref(x.Body, letEnv(x, env), f, depth+1)
	case *ast.IfExpr:
		t, e := a.ref(x.Then, env, f, depth+1), a.ref(x.Else, env, f, depth+1)
		if t == nil && e == nil {
			return nil
		}
		for _, c := range a.condGates(x.Cond, env, f) {
			v, _ := a.eval(x.Cond, env, f, c.Lit, c.Off)
			taken, other := e, t
			if v {
				taken, other = t, e
			}
			if taken == nil && other != nil {
				g := *other
				g.gate = a.gate(c)
				return &g
			}
		}
		switch {
		case t != nil && t.gate == nil:
			return t
		case e != nil && e.gate == nil:
			return e
		case t != nil:
			return t
		}
		return e
	}
	return nil
}

// loadsTraceHelper reports whether x is the Diagnostics.pqm helper module
// as loaded by a loader (Extension.LoadFunction("Diagnostics.pqm")) or by
// the loader's body written inline.
func loadsTraceHelper(x ast.Expr, env *Env) bool {
	r, renv := env.Resolve(x)
	call, ok := r.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	var name string
	switch renv.LibraryName(call.Fun) {
	case "Expression.Evaluate":
		name, ok = packagedName(call.Args[0], renv)
	case "":
		name, ok = renv.Text(call.Args[0])
	default:
		return false
	}
	base := strings.ToLower(path.Base(name))
	return ok && strings.HasPrefix(base, "diagnostics") && strings.HasSuffix(base, ".pqm")
}

// computedFlag returns "Name = value" for the first name in cond that is
// named like a tracing flag and bound, directly or through aliases, to an
// expression that is not a logical literal (`not false`, `1 = 1`); "" when
// there is none.
func computedFlag(cond ast.Expr, env *Env, f *MFile) string {
	out := ""
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FieldAccessExpr, *ast.FuncLit, *ast.EachExpr, *ast.LetExpr, *ast.RecordExpr:
			return false
		case *ast.Ident:
			if out != "" || !traceFlagNameRE.MatchString(n.Name) {
				return out == ""
			}
			name, denv, df := n.Name, env, f
			for range maxResolve {
				d := denv.Lookup(name)
				if d == nil || d.Value == nil || d.Kind == DefParam || d.Kind == DefEach {
					return true
				}
				if d.File != nil {
					df = d.File
				}
				switch v := ast.Unparen(d.Value).(type) {
				case *ast.Ident:
					name, denv = v.Name, d.Env
					continue
				case *ast.BasicLit:
					return true
				default:
					out = d.Name + " = " + snippet(df, v)
				}
				return false
			}
		}
		return out == ""
	})
	return out
}

// computedGate returns the binding of the computed flag of an `if` that
// holds n, or "".
func (a *traceAnalyzer) computedGate(f *MFile, n ast.Node) string {
	if n == nil {
		return ""
	}
	for _, g := range a.computed {
		if g.file == f && g.pos <= n.Pos() && n.End() <= g.end {
			return g.binding
		}
	}
	return ""
}

// lexicalGate returns the flag of an `if` branch that holds the call and
// does not run when the flag is off, or nil.
func (a *traceAnalyzer) lexicalGate(f *MFile, call *ast.CallExpr) *traceFlag {
	for _, r := range a.ranges {
		if r.file == f && r.pos <= call.Pos() && call.End() <= r.end {
			return a.gate(r.flag)
		}
	}
	return nil
}

// tracedArgs returns the arguments of a trace call whose value goes to the
// log: the message of Diagnostics.Trace (its value is only returned), and
// every argument of the helper functions.
func (tc *traceCall) tracedArgs() []ast.Expr {
	if tc.Helper == "" {
		if len(tc.Call.Args) > 1 {
			return tc.Call.Args[1:2]
		}
		return nil
	}
	return tc.Call.Args
}

// flagHint names the connector's flag for messages, or suggests one.
func (ti *traceInfo) flagHint() string {
	if len(ti.Flags) > 0 {
		return ti.Flags[0].Name
	}
	return "EnableTraceOutput"
}
