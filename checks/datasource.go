package checks

import "github.com/pqcert/pqcert/m/ast"

// DataSource is a shared section member that declares a data source kind
// with its literal attribute `[DataSource.Kind = "X", Publish = "X.Publish"]`.
type DataSource struct {
	Member       *ast.Member
	Kind         string
	KindField    *ast.Field // the DataSource.Kind attribute
	Publish      string     // "" when the attribute is absent
	PublishField *ast.Field // nil when absent
}

// DataSources returns the members that declare a data source kind, in
// source order.
func (c *Connector) DataSources() []DataSource {
	sec := c.Section()
	if sec == nil {
		return nil
	}
	var out []DataSource
	for _, m := range sec.Members {
		f := m.Attrs.Lookup("DataSource.Kind")
		if f == nil {
			continue
		}
		ds := DataSource{Member: m, KindField: f}
		ds.Kind, _ = ast.TextValue(f.Value)
		if pf := m.Attrs.Lookup("Publish"); pf != nil {
			ds.PublishField = pf
			ds.Publish, _ = ast.TextValue(pf.Value)
		}
		out = append(out, ds)
	}
	return out
}

// Member returns the section member named name, or nil.
func (c *Connector) Member(name string) *ast.Member {
	sec := c.Section()
	if sec == nil {
		return nil
	}
	for _, m := range sec.Members {
		if m.Name != nil && m.Name.Name == name {
			return m
		}
	}
	return nil
}

// MemberRecord returns the record that the section member named name
// evaluates to (following aliases and a let's body), or nil.
func (c *Connector) MemberRecord(name string) (*ast.RecordExpr, *Env) {
	env := c.SectionEnv()
	d := env.Lookup(name)
	if d == nil || d.Value == nil {
		return nil, nil
	}
	return ValueRecord(d.Value, d.Env)
}

// ValueRecord returns the record x evaluates to, looking through aliases
// and into the body of a let expression, or nil.
func ValueRecord(x ast.Expr, env *Env) (*ast.RecordExpr, *Env) {
	for range maxResolve {
		r, renv := env.Resolve(x)
		switch r := r.(type) {
		case *ast.RecordExpr:
			return r, renv
		case *ast.LetExpr:
			inner := letEnv(r, renv)
			x, env = r.Body, inner
			continue
		}
		return nil, nil
	}
	return nil, nil
}

// letEnv returns the scope inside a let expression.
func letEnv(l *ast.LetExpr, env *Env) *Env { return letScope(env.File(), l, env) }

// FieldEnv returns the scope inside a record expression (its fields are
// visible to one another).
func FieldEnv(r *ast.RecordExpr, env *Env) *Env { return recordScope(env.File(), r, env) }
