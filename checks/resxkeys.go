package checks

import (
	"path"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
	"github.com/pqcert/pqcert/resx"
)

// This file holds what the resx rules (PQ030–PQ037) share: which keys the
// connector's M code loads with Extension.LoadString. Helpers for reporting
// at resx entries are in resxreport.go, the examples' builders in
// resxexample.go.

// keyPattern is what one Extension.LoadString argument can evaluate to:
// exactly Prefix when Exact, otherwise any text that starts with Prefix and
// ends with Suffix. A pattern with neither is a key that could be anything.
type keyPattern struct {
	Prefix, Suffix string
	Exact          bool
}

// Matches reports whether key could be the text the pattern stands for.
func (k keyPattern) Matches(key string) bool {
	if k.Exact {
		return key == k.Prefix
	}
	return len(key) >= len(k.Prefix)+len(k.Suffix) && strings.HasPrefix(key, k.Prefix) && strings.HasSuffix(key, k.Suffix)
}

// keyUse is one key that an Extension.LoadString call may load, with the
// place where the key is written: the call's argument, or for a wrapper
// such as `GetString = (key) => Extension.LoadString(key)` the argument of
// the wrapper's call.
type keyUse struct {
	keyPattern
	File *MFile
	Node ast.Node
}

// keyUses is every key the connector's M code may load.
type keyUses struct {
	Uses []keyUse
	// Anything is set when some key could be any text (a key read from a
	// parameter that escapes, from a web call, or LoadString passed around
	// as a value): then no key can be called unused.
	Anything bool
}

// Loader returns a test of whether some use could load a key: a set of
// the exact keys plus the patterns, so that a large resx stays fast.
func (u *keyUses) Loader() func(key string) bool {
	exact := map[string]bool{}
	var partial []keyPattern
	for _, k := range u.Uses {
		if k.Exact {
			exact[k.Prefix] = true
		} else {
			partial = append(partial, k.keyPattern)
		}
	}
	return func(key string) bool {
		if u.Anything || exact[key] {
			return true
		}
		for _, k := range partial {
			if k.Matches(key) {
				return true
			}
		}
		return false
	}
}

// resxNames returns the set of entry names of a resx file.
func resxNames(f *resx.File) map[string]bool {
	names := make(map[string]bool, len(f.Entries))
	for _, e := range f.Entries {
		names[e.Name] = true
	}
	return names
}

const (
	maxKeyDepth    = 8   // wrapper functions followed, one inside another
	maxKeyPatterns = 256 // patterns per argument before giving up
)

// keyRole is how a name is used where it occurs.
type keyRole int

const (
	keyRoleValue  keyRole = iota // any other use: passed as a value
	keyRoleCallee                // the function of a call
	keyRoleAlias                 // the whole value of a let binding or section member
	keyRoleName                  // a field, member, parameter or section name, not a reference
)

type keyCall struct {
	File *MFile
	Call *ast.CallExpr
	Env  *Env
}

// keyIndex is what LoadStringKeys learns in one walk over the connector.
type keyIndex struct {
	c       *Connector
	calls   []keyCall
	params  map[*ast.Param]keyParam
	named   map[*ast.FuncLit]bool // bound to a name, so that every reference to it is seen
	escaped map[*ast.FuncLit]bool // referenced other than by calling or aliasing it
	sites   map[*ast.FuncLit][]keyCall
	// loadEscaped: Extension.LoadString itself is used as a value.
	loadEscaped bool
}

type keyParam struct {
	fn    *ast.FuncLit
	index int
}

// LoadStringKeys returns every key the connector's M code may load with
// Extension.LoadString, called directly, through aliases, or through
// wrapper functions whose parameter becomes the key.
func (c *Connector) LoadStringKeys() *keyUses {
	ix := &keyIndex{
		c:       c,
		params:  map[*ast.Param]keyParam{},
		named:   map[*ast.FuncLit]bool{},
		escaped: map[*ast.FuncLit]bool{},
		sites:   map[*ast.FuncLit][]keyCall{},
	}
	ix.walk()
	out := &keyUses{Anything: ix.loadEscaped}
	for _, ca := range ix.calls {
		if ca.Env.LibraryName(ca.Call.Fun) != "Extension.LoadString" || len(ca.Call.Args) == 0 {
			continue
		}
		arg := ca.Call.Args[0]
		pats := ix.patterns(arg, ca.Env, ca.File, arg, 0)
		for _, u := range pats {
			if !u.Exact && u.Prefix == "" && u.Suffix == "" {
				out.Anything = true
			}
		}
		out.Uses = append(out.Uses, pats...)
	}
	return out
}

func (ix *keyIndex) walk() {
	roles := map[ast.Node]keyRole{}
	for _, f := range ix.c.MFiles() {
		if f.AST != nil && f.AST.Expr != nil {
			if fn, ok := ast.Unparen(f.AST.Expr).(*ast.FuncLit); ok {
				ix.named[fn] = true // a module that is one function, loaded by name
			}
		}
	}
	ix.c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
		switch n := n.(type) {
		case *ast.Section:
			roles[n.Name] = keyRoleName
		case *ast.Member:
			roles[n.Name] = keyRoleName
			ix.bind(n.Value, roles)
			if fn, ok := ast.Unparen(n.Value).(*ast.FuncLit); ok && n.IsShared() {
				ix.escaped[fn] = true // called by users, with any arguments
			}
		case *ast.LetExpr:
			for _, b := range n.Bindings {
				roles[b.Name] = keyRoleName
				ix.bind(b.Value, roles)
			}
		case *ast.Field:
			roles[n.Name] = keyRoleName
		case *ast.FieldAccessExpr:
			roles[n.Name] = keyRoleName
		case *ast.Param:
			roles[n.Name] = keyRoleName
		case *ast.FieldSpec:
			roles[n.Name] = keyRoleName
		case *ast.SectionAccessExpr:
			roles[n.Section], roles[n.Member] = keyRoleName, keyRoleName
		case *ast.FuncLit:
			for i, p := range n.Params {
				ix.params[p] = keyParam{fn: n, index: i}
			}
		case *ast.CallExpr:
			ix.calls = append(ix.calls, keyCall{File: f, Call: n, Env: env})
			roles[ast.Unparen(n.Fun)] = keyRoleCallee
			if fn := ix.funcOf(n.Fun, env); fn != nil {
				ix.sites[fn] = append(ix.sites[fn], keyCall{File: f, Call: n, Env: env})
			}
			// Extension.LoadFunction("M.pqm") passed on as a value.
			if r, seen := roles[n]; !seen || r == keyRoleValue {
				if fn := ix.funcOf(n, env); fn != nil {
					ix.escaped[fn] = true
				}
			}
		case *ast.Ident:
			r, seen := roles[n]
			if seen && r != keyRoleValue {
				return true
			}
			if env.LibraryName(n) == "Extension.LoadString" {
				ix.loadEscaped = true
			} else if fn := ix.funcOf(n, env); fn != nil {
				ix.escaped[fn] = true
			}
		}
		return true
	})
}

// bind notes that the value of a let binding or member is an alias (when
// it is a bare name) or a named function.
func (ix *keyIndex) bind(v ast.Expr, roles map[ast.Node]keyRole) {
	switch v := ast.Unparen(v).(type) {
	case *ast.Ident, *ast.CallExpr:
		if _, seen := roles[v]; !seen {
			roles[v] = keyRoleAlias
		}
	case *ast.FuncLit:
		ix.named[v] = true
	}
}

// funcOf returns the function literal x stands for: through aliases, and
// through Extension.LoadFunction("Module.pqm") of a module that is one
// function. nil when x is anything else.
func (ix *keyIndex) funcOf(x ast.Expr, env *Env) *ast.FuncLit {
	r, renv := env.Resolve(x)
	switch r := r.(type) {
	case *ast.FuncLit:
		return r
	case *ast.CallExpr:
		id, ok := ast.Unparen(r.Fun).(*ast.Ident)
		if !ok || id.Name != "Extension.LoadFunction" || len(r.Args) == 0 {
			return nil
		}
		name, ok := renv.Text(r.Args[0])
		if !ok {
			return nil
		}
		for _, m := range ix.c.Modules {
			if m.AST != nil && m.AST.Expr != nil && strings.EqualFold(path.Base(m.Path), path.Base(name)) {
				fn, _ := ast.Unparen(m.AST.Expr).(*ast.FuncLit)
				return fn
			}
		}
	}
	return nil
}

// patterns returns the keys x may evaluate to; at and f are where an exact
// key is reported.
func (ix *keyIndex) patterns(x ast.Expr, env *Env, f *MFile, at ast.Node, depth int) []keyUse {
	anything := []keyUse{{File: f, Node: at}}
	if depth > maxKeyDepth {
		return anything
	}
	r, renv := env.Resolve(x)
	switch r := r.(type) {
	case *ast.BasicLit:
		if s, ok := ast.TextValue(r); ok {
			return []keyUse{{keyPattern: keyPattern{Prefix: s, Exact: true}, File: f, Node: at}}
		}
	case *ast.BinaryExpr:
		if r.Op != token.CONCAT {
			break
		}
		left := ix.patterns(r.X, renv, f, at, depth+1)
		right := ix.patterns(r.Y, renv, f, at, depth+1)
		if len(left)*len(right) > maxKeyPatterns {
			return anything
		}
		var out []keyUse
		for _, a := range left {
			for _, b := range right {
				u := keyUse{keyPattern: concatKeys(a.keyPattern, b.keyPattern), File: f, Node: at}
				// A part passed in by a wrapper's caller is where the key is written.
				for _, part := range []keyUse{a, b} {
					if part.Node != at {
						u.File, u.Node = part.File, part.Node
					}
				}
				out = append(out, u)
			}
		}
		return out
	case *ast.IfExpr:
		return append(ix.patterns(r.Then, renv, f, at, depth+1), ix.patterns(r.Else, renv, f, at, depth+1)...)
	case *ast.Ident:
		d := renv.Lookup(r.Name)
		if d == nil || d.Kind != DefParam {
			break
		}
		p, ok := d.Node.(*ast.Param)
		if !ok {
			break
		}
		po, ok := ix.params[p]
		if !ok || !ix.named[po.fn] || ix.escaped[po.fn] || len(ix.sites[po.fn]) == 0 {
			break // called from where pqcert cannot see: any argument
		}
		var out []keyUse
		for _, s := range ix.sites[po.fn] {
			if po.index >= len(s.Call.Args) {
				continue // an optional parameter left out
			}
			arg := s.Call.Args[po.index]
			out = append(out, ix.patterns(arg, s.Env, s.File, arg, depth+1)...)
			if len(out) > maxKeyPatterns {
				return anything
			}
		}
		return out
	}
	return anything
}

// concatKeys is the pattern of a & b.
func concatKeys(a, b keyPattern) keyPattern {
	switch {
	case a.Exact && b.Exact:
		return keyPattern{Prefix: a.Prefix + b.Prefix, Exact: true}
	case a.Exact:
		return keyPattern{Prefix: a.Prefix + b.Prefix, Suffix: b.Suffix}
	case b.Exact:
		return keyPattern{Prefix: a.Prefix, Suffix: a.Suffix + b.Prefix}
	}
	return keyPattern{Prefix: a.Prefix, Suffix: b.Suffix}
}
