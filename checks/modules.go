package checks

import (
	"path"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
)

// This file finds the .pqm modules a connector loads: with a loader such as
// Extension.LoadFunction("Diagnostics.pqm") or with Expression.Evaluate of
// Text.FromBinary(Extension.Contents("X.pqm")).

// moduleCall returns the .pqm module that call loads: a user-defined
// loader called with the module's literal file name, such as
// Extension.LoadFunction("Diagnostics.pqm"), or Expression.Evaluate of
// Text.FromBinary(Extension.Contents("X.pqm")).
func (t *tracer) moduleCall(o origin, call *ast.CallExpr) *MFile {
	if len(call.Args) == 0 {
		return nil
	}
	if t.lib(o, call.Fun) == "Expression.Evaluate" {
		if name, ok := packagedName(call.Args[0], o.Env); ok {
			return t.modules[strings.ToLower(path.Base(name))]
		}
		return nil
	}
	if t.lib(o, call.Fun) != "" {
		return nil
	}
	name, ok := o.Env.Text(call.Args[0])
	if !ok {
		return nil
	}
	return t.modules[strings.ToLower(path.Base(name))]
}

// packagedName returns the literal file name when x is
// Text.FromBinary(Extension.Contents("name")) or Extension.Contents("name").
func packagedName(x ast.Expr, env *Env) (string, bool) {
	for range maxResolve {
		r, renv := env.Resolve(x)
		call, ok := r.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return "", false
		}
		switch renv.LibraryName(call.Fun) {
		case "Text.FromBinary":
			x, env = call.Args[0], renv
			continue
		case "Extension.Contents":
			return renv.Text(call.Args[0])
		}
		return "", false
	}
	return "", false
}

// Module returns the .pqm module a package-relative name refers to, or nil.
func (c *Connector) Module(name string) *MFile {
	full := path.Join(c.Dir, name)
	for _, m := range c.Modules {
		if m.Path == full {
			return m
		}
	}
	for _, m := range c.Modules {
		if path.Base(m.Path) == name {
			return m
		}
	}
	return nil
}

// loadedModule returns the module a call evaluates, or nil: a loader call
// with the module's file name (`Extension.LoadFunction("Helpers.pqm")`,
// whatever the loader is called), or the loader's body written inline,
// `Expression.Evaluate(Text.FromBinary(Extension.Contents("Helpers.pqm")), #shared)`.
func (fw *follower) loadedModule(call *ast.CallExpr, env *Env) *MFile {
	if len(call.Args) == 0 {
		return nil
	}
	arg := call.Args[0]
	switch env.LibraryName(call.Fun) {
	case "Extension.Contents", "Text.FromBinary":
		return nil
	case "Expression.Evaluate":
		inner, ienv := env.Resolve(arg)
		tfb, ok := inner.(*ast.CallExpr)
		if !ok || ienv.LibraryName(tfb.Fun) != "Text.FromBinary" || len(tfb.Args) == 0 {
			return nil
		}
		inner, ienv = ienv.Resolve(tfb.Args[0])
		ec, ok := inner.(*ast.CallExpr)
		if !ok || ienv.LibraryName(ec.Fun) != "Extension.Contents" || len(ec.Args) == 0 {
			return nil
		}
		arg, env = ec.Args[0], ienv
	}
	name, ok := env.Text(arg)
	if !ok || !isModuleName(name) {
		return nil
	}
	m := fw.c.Module(name)
	if m == nil || m.AST == nil || m.AST.Expr == nil {
		return nil
	}
	return m
}

func isModuleName(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".pqm") || strings.HasSuffix(l, ".m") || strings.HasSuffix(l, ".pq")
}
