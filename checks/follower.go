package checks

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// This file follows values the way the certification rules need to: through
// aliases, let bodies, records built in steps (`&`, Record.Combine,
// Record.AddField), fields of records, .pqm modules loaded with
// Extension.LoadFunction (modules.go), and helper functions defined in the
// connector. Whatever it cannot follow is "unknown", and the rules never
// report on unknown values: a missed finding is better than a false one.

// followBudget bounds the work of one follower, so that cycles such as
// `a = b[x], b = a[y]` end.
const followBudget = 2000

// follower follows values within one connector.
type follower struct {
	c      *Connector
	root   *Env // the section's scope
	budget int
}

func (c *Connector) newFollower() *follower {
	return &follower{c: c, root: c.SectionEnv(), budget: followBudget}
}

func (fw *follower) spend() bool {
	fw.budget--
	return fw.budget > 0
}

// follow returns what x stands for: through aliases (Env.Resolve), into let
// bodies, into loaded modules and through field access on records it can see.
func (fw *follower) follow(x ast.Expr, env *Env) (ast.Expr, *Env) {
	for fw.spend() {
		x, env = env.Resolve(x)
		switch y := x.(type) {
		case *ast.LetExpr:
			x, env = y.Body, letEnv(y, env)
			continue
		case *ast.CallExpr:
			if m := fw.loadedModule(y, env); m != nil {
				x, env = m.AST.Expr, fw.root
				continue
			}
		case *ast.FieldAccessExpr:
			if y.X != nil && y.Name != nil {
				if rv := fw.record(y.X, env); rv != nil {
					if f := rv.Fields[y.Name.Name]; f != nil {
						x, env = f.Value, f.Env
						continue
					}
				}
			}
		}
		return x, env
	}
	return x, env
}

// recordField is one field of a followed record.
type recordField struct {
	Field *ast.Field // nil for a field added by Record.AddField
	Name  string
	Value ast.Expr
	Env   *Env
	At    ast.Node // where the field is written
}

// recordValue is a record as far as it can be seen. Complete is false when
// part of it comes from something the follower cannot see, so a field that
// seems missing may be there.
type recordValue struct {
	Fields   map[string]*recordField
	Complete bool
	Node     ast.Node // the first record literal it is made of, for reports
}

func (rv *recordValue) merge(o *recordValue) {
	for k, v := range o.Fields {
		rv.Fields[k] = v
	}
	if rv.Node == nil {
		rv.Node = o.Node
	}
	rv.Complete = rv.Complete && o.Complete
}

// record returns the record x evaluates to, or nil when it is not a record
// the follower can see.
func (fw *follower) record(x ast.Expr, env *Env) *recordValue {
	if !fw.spend() {
		return nil
	}
	x, env = fw.follow(x, env)
	switch x := x.(type) {
	case *ast.RecordExpr:
		fenv := FieldEnv(x, env)
		rv := &recordValue{Fields: map[string]*recordField{}, Complete: true, Node: x}
		for _, f := range x.Fields {
			if f.Name != nil {
				rv.Fields[f.Name.Name] = &recordField{Field: f, Name: f.Name.Name, Value: f.Value, Env: fenv, At: f}
			}
		}
		return rv
	case *ast.BinaryExpr:
		switch x.Op {
		case token.META:
			return fw.record(x.X, env)
		case token.CONCAT:
			return fw.combine([]ast.Expr{x.X, x.Y}, env)
		}
	case *ast.CallExpr:
		switch env.LibraryName(x.Fun) {
		case "Record.Combine":
			if len(x.Args) == 1 {
				if l, lenv := fw.follow(x.Args[0], env); l != nil {
					if list, ok := l.(*ast.ListExpr); ok {
						return fw.combine(list.Items, lenv)
					}
				}
			}
		case "Record.AddField":
			if len(x.Args) >= 3 {
				rv := fw.record(x.Args[0], env)
				name, ok := env.Text(x.Args[1])
				if rv == nil || !ok {
					return nil
				}
				rv.Fields[name] = &recordField{Name: name, Value: x.Args[2], Env: env, At: x}
				return rv
			}
		}
	}
	return nil
}

// combine is the record `a & b & ...` (later fields win).
func (fw *follower) combine(parts []ast.Expr, env *Env) *recordValue {
	out := &recordValue{Fields: map[string]*recordField{}, Complete: true}
	seen := false
	for _, p := range parts {
		rv := fw.record(p, env)
		if rv == nil {
			out.Complete = false
			continue
		}
		seen = true
		out.merge(rv)
	}
	if !seen {
		return nil
	}
	return out
}

// funcEnv is the scope of a function literal's body: its parameters, which
// have no known value.
func funcEnv(fl *ast.FuncLit, env *Env) *Env {
	inner := env.push(len(fl.Params))
	for _, p := range fl.Params {
		if p.Name != nil {
			inner.defs[p.Name.Name] = &Def{Name: p.Name.Name, Kind: DefParam, Node: p, Env: inner}
		}
	}
	return inner
}

// isFunction reports whether x is known to evaluate to a function.
func (fw *follower) isFunction(x ast.Expr, env *Env) bool {
	if !fw.spend() {
		return false
	}
	x, env = fw.follow(x, env)
	switch x := x.(type) {
	case *ast.FuncLit, *ast.EachExpr:
		return true
	case *ast.BinaryExpr:
		return x.Op == token.META && fw.isFunction(x.X, env)
	case *ast.IfExpr:
		return fw.isFunction(x.Then, env) || fw.isFunction(x.Else, env)
	case *ast.CallExpr:
		switch env.LibraryName(x.Fun) {
		case "Value.ReplaceType", "Function.From":
			return true
		}
		if fl, fenv := fw.helper(x, env); fl != nil {
			return fw.isFunction(fl.Body, fenv)
		}
	}
	return false
}

// helper returns the function literal a call calls when the connector
// defines it (a section member, a let binding or a module's function),
// with the scope of its body.
func (fw *follower) helper(call *ast.CallExpr, env *Env) (*ast.FuncLit, *Env) {
	f, fenv := fw.follow(call.Fun, env)
	fl, ok := f.(*ast.FuncLit)
	if !ok {
		return nil, nil
	}
	return fl, funcEnv(fl, fenv)
}
