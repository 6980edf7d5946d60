package checks

import (
	"fmt"
	"strings"
)

// ForbiddenWord (PQ013) finds the words certification forbids in the names
// of the connector, its data source kinds and its exported functions.
var ForbiddenWord = &Rule{
	ID:       "PQ013",
	Name:     "forbidden-word",
	Severity: Error,
	Title:    "\"Fabric\", \"Power BI\"/\"PowerBI\", \"Connector\" or \"API\" in the kind or function names",
	Doc: "Finds the words Fabric, Power BI (or PowerBI), Connector and API in the section name, the data " +
		"source kinds and the exported function names, case-insensitively, as whole words or as parts of " +
		"a camel-cased or underscored name (ContosoAPI, PowerBIContoso, Contoso_Connector), plural " +
		"included (APIs). A word that merely contains the letters is a different word and is not " +
		"reported: Rapid, Capital and Fabricator are fine; an all-lower-case run such as contosoapi has " +
		"no word boundary to find. Certified connectors appear in Microsoft's own product lists, where " +
		"these words are redundant or misleading. Fix it by renaming, e.g. ContosoAPI to Contoso.",
	Requirement: "The connector MUST: Follow naming conventions (for example, DataSourceKind.FunctionName). " +
		"It shouldn't include words like \"Fabric\", \"Power BI\", \"Connector\", or \"API\".",
	Bad: Example{Files: map[string]string{
		"ContosoAPI.pq": `[Version = "1.0.0"]
section ContosoAPI;

[DataSource.Kind = "ContosoAPI", Publish = "ContosoAPI.Publish"]
shared ContosoAPI.Contents = (url as text) => Json.Document(Web.Contents(url));

ContosoAPI = [Authentication = [Anonymous = []]];
ContosoAPI.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to the Contoso API"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

// Reads the Contoso API; "API" in comments and strings is fine.
[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Capital = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];
Contoso.Publish = [Beta = true, ButtonText = {"Contoso", "Connect to the Contoso API"}];
`,
	}},
	Run: runForbiddenWord,
}

func runForbiddenWord(p *Pass) {
	c := p.Conn
	sec := c.Section()
	if sec == nil || sec.Name == nil {
		return
	}
	kinds := c.Kinds()
	isKind := map[string]bool{}
	for _, k := range kinds {
		isKind[k] = true
	}
	if name := sec.Name.Name; !isKind[name] {
		if found := forbiddenWords(name); len(found) > 0 {
			p.Report(c.Main, sec.Name, "section name %q contains %s, which certification forbids in connector names; %s", name, quoteWords(found), renameHint(withoutWords(name, found)))
		}
	}
	for _, ds := range c.DataSources() {
		if found := forbiddenWords(ds.Kind); len(found) > 0 {
			p.Report(c.Main, ds.KindField.Value, "data source kind %q contains %s, which certification forbids in kind and function names; %s", ds.Kind, quoteWords(found), renameHint(withoutWords(ds.Kind, found)))
		}
	}
	for _, m := range c.ExportedFunctions() {
		name := m.Name.Name
		_, fn, ok := splitKindName(name, kinds)
		if !ok {
			fn = name // the kind part is reported with the kind
		}
		found := forbiddenWords(fn)
		if len(found) == 0 {
			continue
		}
		p.Report(c.Main, m.Name, "function name %q contains %s, which certification forbids in kind and function names; %s", name, quoteWords(found), renameHint(withoutForbiddenWords(name, kinds)))
	}
}

func quoteWords(found []forbiddenWord) string {
	var qs []string
	seen := map[string]bool{}
	for _, f := range found {
		if !seen[f.Word] {
			seen[f.Word] = true
			qs = append(qs, fmt.Sprintf("%q", f.Word))
		}
	}
	if len(qs) == 1 {
		return "the word " + qs[0]
	}
	return "the words " + strings.Join(qs[:len(qs)-1], ", ") + " and " + qs[len(qs)-1]
}

func renameHint(s string) string {
	if s == "" {
		return "rename it after the product"
	}
	return fmt.Sprintf("rename it, e.g. %q", s)
}
