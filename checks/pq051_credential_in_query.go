package checks

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// CredentialInQuery (PQ051) reports credentials sent in the URL or the
// query string of a GET request.
var CredentialInQuery = &Rule{
	ID:       "PQ051",
	Name:     "credential-in-query",
	Severity: Error,
	Title:    "a credential in the URL or Query of a GET Web.Contents",
	Doc: "Finds a credential — Extension.CurrentCredential() (or the misspelt Extension.CurrentCredentials()) and any of its " +
		"fields except AuthenticationKind and EncryptConnection, or text computed from them — that reaches the URL, the " +
		"RelativePath or the Query record of a Web.Contents call that is a GET, that is, whose options record has no Content " +
		"field. The value is followed through let bindings, records built in steps (&, Record.Combine, Record.AddField), " +
		"section members, helpers that return the credential, and helpers that wrap Web.Contents: when the credential is " +
		"passed into such a wrapper, the finding is at the call that passes it, which is the code to change. Headers are " +
		"fine; an options record that names the credential with CredentialQueryString or ApiKeyName (the option names " +
		"are configurable) is accepted. URLs and query strings end up in logs, proxies and caches, so certification " +
		"requires that a GET carry credentials only through CredentialQueryString. Fix it by sending the credential in " +
		"a header, by turning the request into a POST with Content, or by declaring it with CredentialQueryString. " +
		"A user name and password written into a URL literal (\"https://user:password@host/\") that reaches " +
		"Web.Contents, Web.Headers, Web.BrowserContents or OData.Feed, GET or not, is reported too (with the password " +
		"masked): certification requires that credentials come from the connector's authentication, through " +
		"Extension.CurrentCredential(), so take them out of the URL and declare a UsernamePassword (or Key) " +
		"authentication kind instead.",
	Requirement: "If the credentials are sent using Web.Contents() via GET: Can it be turned into a POST? If GET is " +
		"required, the connector MUST use the CredentialQueryString record in the Web.Contents() options record to pass " +
		"in sensitive credentials.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = () =>
    let
        key = Extension.CurrentCredential()[Key],
        source = Web.Contents("https://api.contoso.com/v2/items", [Query = [api_key = key, top = "100"]])
    in
        Json.Document(source);

Contoso = [Authentication = [Key = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = () =>
    let
        key = Extension.CurrentCredential()[Key],
        source = Web.Contents("https://api.contoso.com/v2/items", [
            Query = [top = "100"],
            Headers = [#"X-Api-Key" = key]
        ])
    in
        Json.Document(source);

Contoso = [Authentication = [Key = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: func(p *Pass) {
		requests := p.Conn.Calls(requestFunctions...)
		if len(requests) == 0 {
			return
		}
		t := newTracer(p.Conn)
		reportUserInfo(p, t, requests)
		sites := p.Conn.Calls("Web.Contents")
		reported := map[string]bool{}
		remedy := "send it in Headers or as POST Content"
		if opts := p.Config.CredentialOptions; len(opts) > 0 {
			remedy += ", or, if the request must be a GET, name it in " + strings.Join(opts, " or ") + " in the options record"
		}
		for _, s := range sites {
			t.reset()
			call := origin{X: s.Call, Env: s.Env, File: s.File}
			variants := []recVariant{{}}
			if len(s.Call.Args) > 1 {
				variants = t.recordVariants(call.with(s.Call.Args[1], s.Env, nil), 0)
			}
			check := func(what string, o origin) {
				t.reset()
				leaf, ok := t.credentialIn(o, 0)
				if !ok {
					return
				}
				f, n := leaf.at(s.File, s.Call)
				key := fmt.Sprintf("%s:%d", f.Path, n.Pos())
				if reported[key] {
					return
				}
				reported[key] = true
				sink := "this GET Web.Contents"
				if f != s.File || n != ast.Node(s.Call) {
					sink = "the GET Web.Contents at " + where(s.File, s.Call)
				}
				p.Report(f, n, "credential %s is sent in the %s of %s; %s", snippet(leaf.File, leaf.X), what, sink, remedy)
			}
			urlChecked := false
			for _, v := range variants {
				if v.unknown || v.fields["Content"] != nil || v.hasAny(p.Config.CredentialOptions) {
					continue
				}
				if !urlChecked {
					urlChecked = true
					check("URL", call.with(s.Call.Args[0], s.Env, nil))
				}
				if o := v.fields["RelativePath"]; o != nil {
					check("RelativePath", *o)
				}
				if o := v.fields["Query"]; o != nil {
					check("Query", *o)
				}
			}
		}
	},
}

// reportUserInfo reports the URL literals with a user name and password
// written into them ("https://user:password@host/") that reach a request,
// at the literal, with the password masked.
func reportUserInfo(p *Pass, t *tracer, requests []CallSite) {
	reported := map[ast.Node]bool{}
	for _, s := range requests {
		if len(s.Call.Args) == 0 {
			continue
		}
		req := s.Env.LibraryName(s.Call.Fun)
		t.reset()
		t.urlStarts(origin{X: s.Call.Args[0], Env: s.Env, File: s.File}, false, func(o origin) {
			lit, ok := ast.Unparen(o.X).(*ast.BasicLit)
			if !ok || reported[lit] {
				return
			}
			url, ok := ast.TextValue(lit)
			if !ok {
				return
			}
			if _, password, has := urlUserInfo(url); !has || password == "" {
				return
			}
			reported[lit] = true
			p.Report(o.File, lit, "URL %q has a user name and password written into it and reaches %s at %s; "+
				"take them out of the URL and use the connector's authentication instead (a UsernamePassword kind "+
				"in the data source kind's Authentication record, read with Extension.CurrentCredential())",
				maskUserInfo(url), req, where(s.File, s.Call))
		})
	}
}

// recVariant is one record an options argument can be: its fields, or
// unknown when the tracer cannot see the record.
type recVariant struct {
	fields  map[string]*origin
	unknown bool
}

func (v recVariant) hasAny(names []string) bool {
	for _, n := range names {
		if v.fields[n] != nil {
			return true
		}
	}
	return false
}

// maxVariants bounds how many records recordVariants returns.
const maxVariants = 32

// recordVariants returns the records o can evaluate to, following
// aliases, parameters (one record per call site), `&` merges, `??`,
// if/else, Record.Combine and Record.AddField.
func (t *tracer) recordVariants(o origin, depth int) []recVariant {
	unknown := []recVariant{{unknown: true}}
	if depth > maxTraceDepth {
		return unknown
	}
	if next, ok := t.expand(o); ok {
		var out []recVariant
		for _, n := range next {
			out = append(out, t.recordVariants(n, depth+1)...)
		}
		return capVariants(out)
	}
	sub := func(x ast.Expr) []recVariant { return t.recordVariants(o.with(x, o.Env, nil), depth+1) }
	switch x := ast.Unparen(o.X).(type) {
	case *ast.RecordExpr:
		v := recVariant{fields: make(map[string]*origin, len(x.Fields))}
		env := FieldEnv(x, o.Env)
		for _, fl := range x.Fields {
			if fl.Name != nil {
				fo := o.with(fl.Value, env, nil)
				v.fields[fl.Name.Name] = &fo
			}
		}
		return []recVariant{v}
	case *ast.BasicLit:
		if x.Kind == token.NULL {
			return []recVariant{{}}
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.CONCAT:
			return mergeVariants(sub(x.X), sub(x.Y))
		case token.COALESCE:
			return capVariants(append(sub(x.X), sub(x.Y)...))
		}
	case *ast.IfExpr:
		return capVariants(append(sub(x.Then), sub(x.Else)...))
	case *ast.CallExpr:
		switch t.lib(o, x.Fun) {
		case "Record.Combine":
			if len(x.Args) != 1 {
				break
			}
			var out []recVariant
			for _, l := range t.leaves(o.with(x.Args[0], o.Env, nil)) {
				list, ok := ast.Unparen(l.X).(*ast.ListExpr)
				if !ok {
					out = append(out, unknown...)
					continue
				}
				acc := []recVariant{{}}
				for _, it := range list.Items {
					acc = mergeVariants(acc, t.recordVariants(l.with(it, l.Env, nil), depth+1))
				}
				out = append(out, acc...)
			}
			return capVariants(out)
		case "Record.AddField":
			if len(x.Args) < 3 {
				break
			}
			name, ok := o.Env.Text(x.Args[1])
			if !ok {
				return unknown
			}
			fo := o.with(x.Args[2], o.Env, nil)
			add := recVariant{fields: map[string]*origin{name: &fo}}
			return mergeVariants(sub(x.Args[0]), []recVariant{add})
		}
	}
	return unknown
}

// mergeVariants returns every a & b: b's fields win.
func mergeVariants(as, bs []recVariant) []recVariant {
	var out []recVariant
	for _, a := range as {
		for _, b := range bs {
			if a.unknown || b.unknown {
				out = append(out, recVariant{unknown: true})
				continue
			}
			m := make(map[string]*origin, len(a.fields)+len(b.fields))
			for k, v := range a.fields {
				m[k] = v
			}
			for k, v := range b.fields {
				m[k] = v
			}
			out = append(out, recVariant{fields: m})
		}
	}
	return capVariants(out)
}

func capVariants(vs []recVariant) []recVariant {
	if len(vs) > maxVariants {
		return vs[:maxVariants]
	}
	return vs
}
