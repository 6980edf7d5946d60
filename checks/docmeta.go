package checks

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// This file finds the documentation metadata of a function (PQ015), with
// the follower (follower.go) to reach its type through aliases and helpers.
// What it cannot see is "unknown", and PQ015 never reports on unknown
// documentation.

// docState says what is known of a function's documentation.
type docState int

const (
	docUnknown docState = iota // cannot tell: never reported
	docMissing                 // the function has a type without metadata, or no type at all
	docOnValue                 // metadata put on the function value, not on its type
	docFound                   // a metadata record on the function type
)

// funcDoc is the documentation of a function as far as it can be seen.
type funcDoc struct {
	State docState
	Meta  *recordValue // docFound: the metadata record
	At    ast.Node     // docFound: the metadata record; docOnValue: the misplaced record
}

// functionDoc finds the documentation metadata of the function x: the
// metadata of the type given to Value.ReplaceType (or Function.From),
// followed through let bindings, section members, modules and helpers.
func (fw *follower) functionDoc(x ast.Expr, env *Env) funcDoc {
	if !fw.spend() {
		return funcDoc{}
	}
	x, env = fw.follow(x, env)
	switch x := x.(type) {
	case *ast.FuncLit, *ast.EachExpr:
		return funcDoc{State: docMissing}
	case *ast.BinaryExpr:
		if x.Op == token.META {
			inner := fw.functionDoc(x.X, env)
			if inner.State == docMissing {
				return funcDoc{State: docOnValue, At: x.Y}
			}
			return inner
		}
	case *ast.IfExpr:
		a, b := fw.functionDoc(x.Then, env), fw.functionDoc(x.Else, env)
		if a.State == docFound && b.State != docFound {
			return b
		}
		return a
	case *ast.CallExpr:
		switch env.LibraryName(x.Fun) {
		case "Value.ReplaceType":
			if len(x.Args) == 2 {
				return fw.typeDoc(x.Args[1], env)
			}
			return funcDoc{}
		case "Function.From":
			if len(x.Args) == 2 {
				return fw.typeDoc(x.Args[0], env)
			}
			return funcDoc{}
		}
		if fl, fenv := fw.helper(x, env); fl != nil {
			return fw.functionDoc(fl.Body, fenv)
		}
	}
	return funcDoc{}
}

// typeDoc finds the metadata record of a type.
func (fw *follower) typeDoc(t ast.Expr, env *Env) funcDoc {
	if !fw.spend() {
		return funcDoc{}
	}
	t, env = fw.follow(t, env)
	switch t := t.(type) {
	case *ast.TypeExpr:
		if _, ok := t.X.(*ast.FunctionType); ok {
			return funcDoc{State: docMissing}
		}
	case *ast.BinaryExpr:
		if t.Op != token.META {
			return funcDoc{}
		}
		rv := fw.record(t.Y, env)
		if rv == nil {
			return funcDoc{}
		}
		// `T meta [...]` adds to the metadata T already has.
		if inner := fw.typeDoc(t.X, env); inner.State == docFound {
			inner.Meta.merge(rv)
			inner.At = t.Y
			return inner
		} else if inner.State == docUnknown {
			rv.Complete = false
		}
		return funcDoc{State: docFound, Meta: rv, At: t.Y}
	case *ast.CallExpr:
		switch env.LibraryName(t.Fun) {
		case "Value.ReplaceMetadata":
			if len(t.Args) == 2 {
				if rv := fw.record(t.Args[1], env); rv != nil {
					return funcDoc{State: docFound, Meta: rv, At: t.Args[1]}
				}
			}
			return funcDoc{}
		case "Type.ForFunction":
			return funcDoc{State: docMissing}
		}
		if fl, fenv := fw.helper(t, env); fl != nil {
			return fw.typeDoc(fl.Body, fenv)
		}
	}
	return funcDoc{}
}
