package checks

import (
	"fmt"
	"strings"
	"unicode"
)

// UnusualFunctionName (PQ014) finds exported function names that do not
// say what data they return.
var UnusualFunctionName = &Rule{
	ID:       "PQ014",
	Name:     "unusual-function-name",
	Severity: Warning,
	Title:    "FunctionName is not a domain word such as Contents, Tables, Document, Databases, Feed",
	Doc: "Looks at the FunctionName part of every exported Kind.FunctionName and warns when it does not " +
		"name the data it returns: a leading verb (Contoso.GetTables, Contoso.FetchData, Contoso.Connect), " +
		"a placeholder (Function1, Test, Sample, Query1, MyFunction), an implementation word " +
		"(ContentsImpl, TablesInternal, FeedHelper, or the word alone: Helper, Util, Internal), or a domain word with " +
		"a number after it (Contents2, Feed3), which reads as a copy. Certified connectors sit beside Microsoft's own in " +
		"the function library, where names are nouns for the data: Contents, Tables, Document, " +
		"Databases, Feed. Other nouns (Contoso.Projects) are fine. Fix it by naming the function for " +
		"what it returns, e.g. Contoso.GetTables to Contoso.Tables.",
	Requirement: "The FunctionName should make sense for the domain (for example \"Contents\", \"Tables\", " +
		"\"Document\", \"Databases\", and so on).",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.GetTables = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Tables = (url as text) => GetTables(url);

GetTables = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Run: runUnusualFunctionName,
}

// leadingVerbs start names that say what a function does rather than what
// it returns.
var leadingVerbs = map[string]bool{
	"get": true, "fetch": true, "load": true, "retrieve": true, "read": true, "call": true,
	"invoke": true, "run": true, "execute": true, "exec": true, "do": true, "make": true,
	"create": true, "build": true, "pull": true, "download": true, "request": true, "connect": true,
}

// placeholderNames are names left over from a template or a first draft.
var placeholderNames = map[string]bool{
	"function": true, "func": true, "fn": true, "test": true, "tests": true, "testing": true,
	"sample": true, "example": true, "demo": true, "foo": true, "bar": true, "baz": true,
	"temp": true, "tmp": true, "main": true, "impl": true, "untitled": true, "new": true,
	"hello": true, "helloworld": true, "dummy": true, "stub": true, "todo": true,
}

// helperSuffixes end the names of implementation helpers; alone, they are
// the whole name of one (Contoso.Helper, Contoso.Util).
var helperSuffixes = map[string]bool{
	"impl": true, "internal": true, "helper": true, "helpers": true, "private": true, "debug": true, "test": true,
	"util": true, "utils": true, "utility": true, "utilities": true,
}

// domainWords are the names the certification page gives for functions,
// and the library's own (Odbc.DataSource, Sql.Database): a number after one
// (Contoso.Contents2) marks a copy rather than different data.
var domainWords = map[string]bool{
	"contents": true, "tables": true, "table": true, "document": true, "databases": true, "database": true,
	"feed": true, "datasource": true, "query": true, "view": true, "views": true, "files": true,
}

func runUnusualFunctionName(p *Pass) {
	c := p.Conn
	kinds := c.Kinds()
	for _, m := range c.ExportedFunctions() {
		kind, fn, ok := splitKindName(m.Name.Name, kinds)
		if !ok {
			continue // PQ012
		}
		if msg := unusualName(kind, fn); msg != "" {
			p.Report(c.Main, m.Name, "%s", msg)
		}
	}
}

// unusualName explains what is unusual about FunctionName fn, or returns "".
func unusualName(kind, fn string) string {
	words := nameWords(fn)
	if len(words) == 0 {
		return ""
	}
	full := kind + "." + fn
	first := strings.ToLower(words[0].Text)
	last := strings.ToLower(words[len(words)-1].Text)
	bare := strings.ToLower(strings.TrimRightFunc(fn, unicode.IsDigit))
	numbered := bare != strings.ToLower(fn)
	switch {
	case leadingVerbs[first]:
		rest := strings.TrimLeft(fn[words[0].End:], "_.-")
		if rest == "" || !unicode.IsLetter(rune(rest[0])) {
			rest = "Contents"
		}
		return fmt.Sprintf("function name %q starts with the verb %q; name it for the data it returns, e.g. %q", full, words[0].Text, kind+"."+rest)
	case placeholderNames[bare] || (numbered && bare == "query") || (first == "my" && len(words) > 1):
		return fmt.Sprintf("function name %q looks like a placeholder; name it for the data it returns, e.g. %q", full, kind+".Contents")
	case len(words) == 1 && helperSuffixes[last]:
		return fmt.Sprintf("function name %q names an implementation helper, not data; drop \"shared\" from a helper, or name an exported function for the data it returns, e.g. %q", full, kind+".Contents")
	case numbered && domainWords[bare]:
		return fmt.Sprintf("function name %q is %q with a number, like a second copy; name it for what differs, e.g. %q, or keep one function and change it under a new [Version]", full, fn[:len(bare)], kind+"."+fn[:len(bare)]+"ByRegion")
	case len(words) > 1 && helperSuffixes[last]:
		lw := words[len(words)-1]
		return fmt.Sprintf("function name %q ends in %q like an implementation helper; export the user-facing function under a name for its data, e.g. %q", full, lw.Text, kind+"."+strings.TrimRight(fn[:lw.Start], "_.-"))
	}
	return ""
}
