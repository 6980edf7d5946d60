package checks

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// This file holds what the security rules (PQ050–PQ052) share about
// credentials: where the connector's credentials come from, and whether one
// flows into a value, asked of the tracer (tracer.go).

// credentialFunctions are the names of the function that returns the
// current credential: the real one and the certification page's plural.
var credentialFunctions = []string{"Extension.CurrentCredential", "Extension.CurrentCredentials"}

// publicCredentialFields are the fields of the credential record that hold
// no secret.
var publicCredentialFields = map[string]bool{"AuthenticationKind": true, "EncryptConnection": true}

// isCredentialCall reports whether call calls Extension.CurrentCredential()
// (or the misspelt plural), directly or through an alias.
func isCredentialCall(call *ast.CallExpr, env *Env) bool {
	name := env.LibraryName(call.Fun)
	for _, want := range credentialFunctions {
		if name == want {
			return true
		}
	}
	return false
}

// usesCredentials says whether the connector sends credentials: it calls
// Extension.CurrentCredential() somewhere, or a data source kind declares
// an authentication kind other than Anonymous/Implicit (Web.Contents then
// attaches the credential by itself). why says which, for messages.
func (c *Connector) usesCredentials() (ok bool, why string) {
	if sites := c.Calls(credentialFunctions...); len(sites) > 0 {
		s := sites[0]
		return true, fmt.Sprintf("it calls %s() at %s", s.Env.LibraryName(s.Call.Fun), where(s.File, s.Call))
	}
	for _, ds := range c.DataSources() {
		rec, env := c.MemberRecord(ds.Kind)
		if rec == nil {
			continue
		}
		f := rec.Lookup("Authentication")
		if f == nil {
			continue
		}
		auth, _ := ValueRecord(f.Value, FieldEnv(rec, env))
		if auth == nil {
			continue
		}
		for _, k := range auth.Fields {
			if k.Name != nil && k.Name.Name != "Anonymous" && k.Name.Name != "Implicit" {
				return true, fmt.Sprintf("data source kind %q accepts %s credentials", ds.Kind, k.Name.Name)
			}
		}
	}
	return false, ""
}

// nonRevealing are the library functions whose result tells nothing of a
// secret passed to them: a length, a count, a type or a type test. With the
// comparison and logical operators (=, <>, <, is, and, not, ...), which
// credentialIn never follows, they let a connector trace whether a
// credential is set, or how long it is, without tracing the credential.
var nonRevealing = map[string]bool{
	"Text.Length": true, "Binary.Length": true, "List.Count": true, "List.IsEmpty": true,
	"Record.FieldCount": true, "Record.HasFields": true, "Table.RowCount": true, "Table.IsEmpty": true,
	"Value.Is": true, "Value.Type": true, "Value.Equals": true, "Value.NullableEquals": true,
}

// credentialIn returns the leaf through which a credential flows into the
// value of o, or false. A credential is the record Extension.CurrentCredential()
// returns and any field of it except AuthenticationKind and EncryptConnection,
// and anything computed from one by operators or library functions, except
// what a data access call (Web.Contents, ...) returns, since a response is
// not the credential that authenticated it, and what a comparison or a
// nonRevealing function returns.
func (t *tracer) credentialIn(o origin, depth int) (origin, bool) {
	if depth > maxTraceDepth {
		return origin{}, false
	}
	if next, ok := t.expand(o); ok {
		for _, n := range next {
			if n.Via != nil && t.skipVia[n.Via] {
				continue
			}
			if l, ok := t.credentialIn(n, depth+1); ok {
				return l, true
			}
		}
		return origin{}, false
	}
	sub := func(x ast.Expr) (origin, bool) {
		if x == nil {
			return origin{}, false
		}
		return t.credentialIn(o.with(x, o.Env, nil), depth+1)
	}
	switch x := ast.Unparen(o.X).(type) {
	case *ast.CallExpr:
		if isCredentialCall(x, o.Env) {
			return o, true
		}
		if lib := t.lib(o, x.Fun); isDataAccess(lib) || nonRevealing[lib] {
			return origin{}, false
		}
		if t.lib(o, x.Fun) == "" {
			return origin{}, false // a user function the tracer could not enter
		}
		for _, a := range x.Args {
			if l, ok := sub(a); ok {
				return l, true
			}
		}
	case *ast.FieldAccessExpr:
		if x.Name == nil || publicCredentialFields[x.Name.Name] {
			return origin{}, false
		}
		target := x.X
		if target == nil {
			target = implicitTarget
		}
		if l, ok := sub(target); ok {
			if call, isCall := ast.Unparen(l.X).(*ast.CallExpr); isCall && isCredentialCall(call, l.Env) {
				return o, true // report the field access, which names the secret
			}
			return l, true
		}
	case *ast.ItemAccessExpr:
		return sub(x.X)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.CONCAT, token.ADD, token.COALESCE:
			if l, ok := sub(x.X); ok {
				return l, true
			}
			return sub(x.Y)
		}
	case *ast.IfExpr:
		if l, ok := sub(x.Then); ok {
			return l, true
		}
		return sub(x.Else)
	case *ast.TryExpr:
		if l, ok := sub(x.X); ok {
			return l, true
		}
		return sub(x.Default)
	case *ast.RecordExpr:
		for _, fl := range x.Fields {
			if l, ok := t.credentialIn(o.with(fl.Value, FieldEnv(x, o.Env), nil), depth+1); ok {
				return l, true
			}
		}
	case *ast.ListExpr:
		for _, it := range x.Items {
			if l, ok := sub(it); ok {
				return l, true
			}
		}
	}
	return origin{}, false
}

// maxCredentialSites bounds how many call sites credentialSites returns.
const maxCredentialSites = 32

// credentialSites returns a leaf for every call argument through which a
// credential flows into o from outside a helper (its Via: the code to
// change), or the one leaf when the credential does not come in through an
// argument; credentialIn returns only the first.
func (t *tracer) credentialSites(o origin) []origin {
	var out []origin
	skip := map[ast.Expr]bool{}
	for len(out) < maxCredentialSites {
		t.reset()
		t.skipVia = skip
		l, ok := t.credentialIn(o, 0)
		if !ok {
			break
		}
		out = append(out, l)
		if l.Via == nil || skip[l.Via] {
			break
		}
		skip[l.Via] = true
	}
	t.skipVia = nil
	return out
}

// dataAccessPrefixes name the library families that read from outside the
// connector: their result is external data, not a function of their
// arguments.
var dataAccessPrefixes = []string{
	"Web.", "OData.", "Odbc.", "OleDb.", "AdoDotNet.", "Sql.", "File.", "Folder.",
	"SharePoint.", "AzureStorage.", "Oracle.", "MySQL.", "PostgreSQL.", "Hdfs.",
}

// isDataAccess reports whether the library function name reads external data.
func isDataAccess(name string) bool {
	for _, p := range dataAccessPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
