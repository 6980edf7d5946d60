package checks

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// InsecureURL (PQ050) reports requests that can go over plain HTTP in a
// connector that sends credentials.
var InsecureURL = &Rule{
	ID:       "PQ050",
	Name:     "insecure-url",
	Severity: Error,
	Title:    "credentials are used but a request can go over plain HTTP",
	Doc: "In a connector that uses credentials — it calls Extension.CurrentCredential() (or the certification page's spelling " +
		"Extension.CurrentCredentials()) anywhere, or a data source kind's Authentication record offers any kind other than " +
		"Anonymous or Implicit, since Web.Contents then attaches the credential itself — finds the URLs of Web.Contents, " +
		"Web.Headers, Web.BrowserContents and OData.Feed that can be plain HTTP: an \"http://\" text literal that reaches the " +
		"request (also through let bindings, section members, helper functions, & concatenation and Uri.Combine), and a URL " +
		"that a shared function takes from the user and passes on with no scheme check. A scheme check is recognised by its " +
		"shape, not its name: an `if` whose condition compares Uri.Parts(url)[Scheme] (or Text.StartsWith(url, \"https://\")) " +
		"with \"https\" and whose other branch raises an error, written inline or in a helper such as ValidateUrlScheme. " +
		"Loopback URLs (http://localhost, 127.x, [::1]) never leave the machine and are allowed; URLs that come from a " +
		"server response (next-page links) or from a function handed to a library call are not followed. Certification asks " +
		"whether requests that carry credentials are guaranteed to use HTTPS. Fix it by writing \"https://\", or by passing " +
		"user-entered URLs through ValidateUrlScheme before the request. The suggested HTTPS URL leaves out a user name " +
		"and password written into the URL, which the message masks: they do not belong in a URL at all (PQ051).",
	Requirement: "If Extension.CurrentCredentials() is used: Are the requests guaranteed to be made through HTTPS? " +
		"You can use the HTTPS enforcement helper function.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

BaseUrl = "http://api.contoso.com/v2";

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (path as text) =>
    let
        key = Extension.CurrentCredential()[Key],
        source = Web.Contents(BaseUrl & "/" & path, [Headers = [#"X-Api-Key" = key]])
    in
        Json.Document(source);

Contoso = [Authentication = [Key = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

ValidateUrlScheme = (url as text) as text =>
    if (Uri.Parts(url)[Scheme] <> "https") then error "Url scheme must be HTTPS" else url;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) =>
    let
        _url = ValidateUrlScheme(url),
        source = Web.Contents(_url, [Headers = [#"X-Api-Key" = Extension.CurrentCredential()[Key]]])
    in
        Json.Document(source);

Contoso = [Authentication = [Key = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: func(p *Pass) {
		uses, why := p.Conn.usesCredentials()
		if !uses {
			return
		}
		t := newTracer(p.Conn)
		reported := map[string]bool{}
		report := func(f *MFile, n ast.Node, format string, args ...any) {
			key := fmt.Sprintf("%s:%d", f.Path, n.Pos())
			if !reported[key] {
				reported[key] = true
				p.Report(f, n, format, args...)
			}
		}
		for _, s := range p.Conn.Calls(requestFunctions...) {
			if len(s.Call.Args) == 0 {
				continue
			}
			req := s.Env.LibraryName(s.Call.Fun)
			t.reset()
			t.plainHTTP(origin{X: s.Call.Args[0], Env: s.Env, File: s.File}, func(o origin, member string) {
				if lit, ok := ast.Unparen(o.X).(*ast.BasicLit); ok {
					fix := fmt.Sprintf("change it to %q", "https://"+withoutUserInfo(lit.Value)[len("http://"):])
					if _, _, has := urlUserInfo(lit.Value); has {
						fix += " and take the credentials out of it: they do not belong in a URL"
					}
					report(o.File, lit, "%q is requested over plain HTTP by %s at %s, and %s; %s",
						maskUserInfo(lit.Value), req, where(s.File, s.Call), why, fix)
					return
				}
				f, n := o.at(s.File, s.Call)
				report(f, n, "parameter %q of shared %s is a URL the user sets and reaches %s at %s with no HTTPS check, and %s; "+
					"pass it through a check that raises an error unless Uri.Parts(url)[Scheme] = \"https\", such as ValidateUrlScheme",
					snippet(o.File, o.X), member, req, where(s.File, s.Call), why)
			})
		}
	},
}

// requestFunctions are the library functions whose first argument is a
// URL they request, with the connector's credentials when it has some.
var requestFunctions = []string{"Web.Contents", "Web.Headers", "Web.BrowserContents", "OData.Feed"}

// plainHTTP calls bad for every way the URL o can be plain HTTP: an
// "http://" literal (o is the literal) or a user-set parameter with no
// scheme check on the way (member names the shared function).
func (t *tracer) plainHTTP(o origin, bad func(o origin, member string)) {
	t.urlStarts(o, true, func(o origin) {
		switch x := ast.Unparen(o.X).(type) {
		case *ast.BasicLit:
			if s, ok := ast.TextValue(x); ok && len(s) > 7 && strings.EqualFold(s[:7], "http://") && !isLoopback(s[7:]) {
				bad(o, "")
			}
		case *ast.Ident:
			if k, member := t.paramSource(o); k == paramUser {
				bad(o, member)
			}
		}
	})
}

// urlStarts calls leaf for every leaf that the start of the URL o — its
// scheme and host — can come from: a text literal, a parameter, and so on.
// It walks the left side of `&`, both sides of `??`, the branches of `if`
// and `try`, list items, and the URL argument of Uri.Combine, the Text.Trim
// family and Text.Combine. With guards set, an `if` that is a scheme guard
// (isSchemeGuard) is not walked into: only HTTPS comes out of it.
func (t *tracer) urlStarts(o origin, guards bool, leaf func(o origin)) {
	t.walkLeaves(o, func(o origin, walk func(origin)) {
		sub := func(x ast.Expr) { walk(o.with(x, o.Env, nil)) }
		switch x := ast.Unparen(o.X).(type) {
		case *ast.BasicLit, *ast.Ident:
			leaf(o)
		case *ast.BinaryExpr:
			switch x.Op {
			case token.CONCAT:
				sub(x.X) // the scheme is at the start
			case token.COALESCE:
				sub(x.X)
				sub(x.Y)
			}
		case *ast.IfExpr:
			if !guards || !isSchemeGuard(x, o.Env) {
				passOn(x, sub)
			}
		case *ast.TryExpr, *ast.ListExpr:
			passOn(x, sub)
		case *ast.CallExpr:
			switch t.lib(o, x.Fun) {
			case "Uri.Combine", "Text.Trim", "Text.TrimStart", "Text.TrimEnd", "Text.Lower", "Text.Clean":
				if len(x.Args) > 0 {
					sub(x.Args[0])
				}
			case "Text.Combine":
				if len(x.Args) > 0 {
					for _, l := range t.leaves(o.with(x.Args[0], o.Env, nil)) {
						if list, ok := ast.Unparen(l.X).(*ast.ListExpr); ok && len(list.Items) > 0 {
							walk(l.with(list.Items[0], l.Env, nil))
						}
					}
				}
			}
		}
	})
}

// userInfoSpan returns where the user info of a URL is
// ("scheme://user:password@host/..." → the span of "user:password");
// ok is false when the URL has none.
func userInfoSpan(url string) (from, to int, ok bool) {
	i := strings.Index(url, "://")
	if i < 0 {
		return 0, 0, false
	}
	from = i + len("://")
	authority := url[from:]
	if j := strings.IndexAny(authority, "/?#"); j >= 0 {
		authority = authority[:j]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return 0, 0, false
	}
	return from, from + at, true
}

// urlUserInfo returns the user and password written into a URL; has is
// false when the URL has no user info.
func urlUserInfo(url string) (user, password string, has bool) {
	from, to, ok := userInfoSpan(url)
	if !ok {
		return "", "", false
	}
	user, password, _ = strings.Cut(url[from:to], ":")
	return user, password, true
}

// withoutUserInfo returns url with its user info ("user:password@") taken
// out.
func withoutUserInfo(url string) string {
	from, to, ok := userInfoSpan(url)
	if !ok {
		return url
	}
	return url[:from] + url[to+1:]
}

// maskUserInfo returns url with the password of its user info, if any,
// replaced by "****", so that a finding never prints it.
func maskUserInfo(url string) string {
	from, to, ok := userInfoSpan(url)
	if !ok {
		return url
	}
	user, password, found := strings.Cut(url[from:to], ":")
	if !found || password == "" {
		return url
	}
	return url[:from] + user + ":****" + url[to:]
}

// isLoopback reports whether the rest of a URL after "http://" names this
// machine.
func isLoopback(rest string) bool {
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndex(host, "@"); i >= 0 {
		host = host[i+1:]
	}
	if strings.HasPrefix(host, "[") {
		if i := strings.Index(host, "]"); i >= 0 {
			host = host[:i+1]
		}
	} else if i := strings.Index(host, ":"); i >= 0 {
		host = host[:i]
	}
	host = strings.ToLower(host)
	return host == "localhost" || host == "[::1]" || strings.HasPrefix(host, "127.")
}

// isSchemeGuard reports whether x lets only HTTPS through: its condition
// tests the scheme against "https" and the branch taken otherwise raises
// an error.
func isSchemeGuard(x *ast.IfExpr, env *Env) bool {
	isTest, trueMeansHTTPS := schemeTest(x.Cond, env)
	if !isTest {
		return false
	}
	if trueMeansHTTPS {
		return isErrorExpr(x.Else)
	}
	return isErrorExpr(x.Then)
}

func isErrorExpr(x ast.Expr) bool {
	_, ok := ast.Unparen(x).(*ast.ErrorExpr)
	return ok
}

// schemeTest reports whether cond tests a URL's scheme against HTTPS, and
// whether cond being true means the scheme is HTTPS.
func schemeTest(cond ast.Expr, env *Env) (isTest, trueMeansHTTPS bool) {
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			t, p := schemeTest(c.X, env)
			return t, !p
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.EQL, token.NEQ:
			if isHTTPSText(c.X, env) || isHTTPSText(c.Y, env) {
				return true, c.Op == token.EQL
			}
		case token.OR, token.AND:
			// `bad or notHTTPS` is false only when HTTPS; `ok and isHTTPS`
			// is true only when HTTPS.
			for _, side := range []ast.Expr{c.X, c.Y} {
				if t, p := schemeTest(side, env); t && p == (c.Op == token.AND) {
					return true, p
				}
			}
		}
	case *ast.CallExpr:
		if env.LibraryName(c.Fun) == "Text.StartsWith" && len(c.Args) >= 2 && isHTTPSText(c.Args[1], env) {
			return true, true
		}
	}
	return false, false
}

func isHTTPSText(x ast.Expr, env *Env) bool {
	s, ok := env.Text(x)
	if !ok {
		return false
	}
	switch strings.ToLower(s) {
	case "https", "https:", "https://":
		return true
	}
	return false
}
