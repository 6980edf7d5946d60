package checks

import (
	"unicode"

	"github.com/pqcert/pqcert/m/ast"
)

// HardcodedUIString (PQ035) reports user-facing text written in M instead
// of loaded from resources.resx.
var HardcodedUIString = &Rule{
	ID:       "PQ035",
	Name:     "hardcoded-ui-string",
	Severity: Warning,
	Title:    "a user-facing string hardcoded in M where a resx string belongs",
	Doc: "Finds text that Power Query shows to users written as a text literal (or a name bound to one) instead of Extension.LoadString(\"Key\"): " +
		"the ButtonText items of the Publish record; the Label of the data source kind record and the Label, UsernameLabel, PasswordLabel and KeyLabel of its authentication kinds; " +
		"and the Documentation.Name, Documentation.LongDescription, Documentation.FieldCaption and Documentation.FieldDescription of function and parameter types. " +
		"Values that are not prose are left alone: Category, LearnMoreUrl and other URLs (they belong in code), Documentation.Examples (code and results), " +
		"Documentation.SampleValues and AllowedValues (data), and text without letters. " +
		"Certification asks for strings in resources.resx so that they can be reviewed and translated in one place. " +
		"Add a <data name=\"Key\"> entry with the text to resources.resx and write Extension.LoadString(\"Key\") where the literal was.",
	Requirement: "The connector SHOULD: Place strings in a resources.resx file.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = Value.ReplaceType(ContosoImpl, ContosoType);

ContosoType = type function (
    url as (type text meta [Documentation.FieldCaption = "Server URL"])
) as table meta [Documentation.Name = "Contoso"];

ContosoImpl = (url as text) as table => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []], Label = "Contoso"];

Contoso.Publish = [Beta = true, Category = "Other", ButtonText = {"Contoso", "Connect to Contoso"}];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = Value.ReplaceType(ContosoImpl, ContosoType);

ContosoType = type function (
    url as (type text meta [
        Documentation.FieldCaption = Extension.LoadString("UrlCaption"),
        Documentation.SampleValues = {"https://contoso.com"}
    ])
) as table meta [
    Documentation.Name = Extension.LoadString("FunctionName"),
    Documentation.LongDescription = Extension.LoadString("FunctionDescription"),
    Documentation.Examples = {[Description = Extension.LoadString("ExampleText"), Code = "Contoso.Contents(""https://contoso.com"")", Result = "#table({""Id""}, {{1}})"]}
];

ContosoImpl = (url as text) as table => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []], Label = Extension.LoadString("DataSourceLabel")];

Contoso.Publish = [
    Beta = true,
    Category = "Other",
    LearnMoreUrl = "https://contoso.com/powerquery",
    ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}
];
`,
		"resources.resx": resxExample(
			"UrlCaption", "Server URL",
			"FunctionName", "Contoso",
			"FunctionDescription", "Returns the items of a Contoso server.",
			"ExampleText", "Get the items of a server",
			"DataSourceLabel", "Contoso",
			"ButtonTitle", "Contoso",
			"ButtonHelp", "Connect to Contoso",
		),
	}},
	Run: func(p *Pass) {
		c := p.Conn
		u := &uiStrings{p: p, seen: map[ast.Node]bool{}}
		for _, ds := range c.DataSources() {
			if rec, env := c.MemberRecord(ds.Kind); rec != nil {
				env = FieldEnv(rec, env)
				if fl := rec.Lookup("Label"); fl != nil {
					u.report(c.Main, env, fl.Value, "data source Label", "DataSourceLabel")
				}
				if fl := rec.Lookup("Authentication"); fl != nil {
					u.authLabels(c.Main, fl.Value, env)
				}
			}
			if rec, env := c.MemberRecord(ds.Publish); rec != nil {
				if fl := rec.Lookup("ButtonText"); fl != nil {
					u.buttonText(c.Main, fl.Value, FieldEnv(rec, env))
				}
			}
		}
		c.Walk(func(f *MFile, n ast.Node, env *Env) bool {
			if fl, ok := n.(*ast.Field); ok && fl.Name != nil && uiDocFields[fl.Name.Name] {
				u.report(f, env, fl.Value, fl.Name.Name, "")
			}
			return true
		})
	},
}

// uiStrings reports hardcoded UI text, once per expression.
type uiStrings struct {
	p    *Pass
	seen map[ast.Node]bool
}

// report reports x when it is constant text with a letter in it; key, when
// set, is the resx key to suggest.
func (u *uiStrings) report(f *MFile, env *Env, x ast.Expr, what, key string) {
	if x == nil || u.seen[x] {
		return
	}
	s, ok := env.Text(x)
	if !ok || !uiHasLetter(s) {
		return
	}
	u.seen[x] = true
	if key == "" {
		u.p.Report(f, x, "%s %q is hardcoded; put the text in resources.resx and load it with Extension.LoadString", what, s)
		return
	}
	u.p.Report(f, x, "%s %q is hardcoded; put the text in resources.resx and write Extension.LoadString(%q)", what, s, key)
}

// authLabels reports the labels of each authentication kind of a data
// source kind record's Authentication record.
func (u *uiStrings) authLabels(f *MFile, x ast.Expr, env *Env) {
	auth, aenv := ValueRecord(x, env)
	if auth == nil {
		return
	}
	aenv = FieldEnv(auth, aenv)
	for _, kind := range auth.Fields {
		kr, kenv := ValueRecord(kind.Value, aenv)
		if kr == nil || kind.Name == nil {
			continue
		}
		kenv = FieldEnv(kr, kenv)
		for _, name := range []string{"Label", "UsernameLabel", "PasswordLabel", "KeyLabel"} {
			if fl := kr.Lookup(name); fl != nil {
				u.report(f, kenv, fl.Value, kind.Name.Name+" "+name, "")
			}
		}
	}
}

// buttonText reports the items of a Publish record's ButtonText list:
// the button's name and its help text.
func (u *uiStrings) buttonText(f *MFile, x ast.Expr, env *Env) {
	r, lenv := env.Resolve(x)
	l, ok := r.(*ast.ListExpr)
	if !ok {
		return
	}
	keys := []string{"ButtonTitle", "ButtonHelp"}
	for i, it := range l.Items {
		key := ""
		if i < len(keys) {
			key = keys[i]
		}
		u.report(f, lenv, it, "ButtonText item", key)
	}
}

// uiDocFields are the documentation metadata fields that Power Query shows
// as prose in its dialogs.
var uiDocFields = map[string]bool{
	"Documentation.Name":             true,
	"Documentation.LongDescription":  true,
	"Documentation.FieldCaption":     true,
	"Documentation.FieldDescription": true,
}

func uiHasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
