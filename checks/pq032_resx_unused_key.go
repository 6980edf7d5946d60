package checks

// ResxUnusedKey (PQ032) reports resources.resx keys that no code loads.
var ResxUnusedKey = &Rule{
	ID:       "PQ032",
	Name:     "resx-unused-key",
	Severity: Warning,
	Title:    "a resx key that no code loads",
	Doc: "Finds keys in resources.resx that no Extension.LoadString call can load. Keys are matched against literal keys, " +
		"keys bound to names or joined with &, keys passed through wrapper functions, and the constant prefix and suffix of keys built at run time " +
		"(`Extension.LoadString(\"Label\" & kind)` keeps every key that starts with \"Label\"). When some key could be anything " +
		"(read from a variable that cannot be traced, or LoadString passed around as a value) no key is reported, " +
		"and nothing is reported while an M file has syntax errors. Unused strings are dead weight that translators still translate " +
		"and reviewers still read, and they often betray a typo in the key that the code does load. " +
		"Remove the entry (and its translations), or load it where it was meant to be used.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq":     resxExampleMain(),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Web.Contents(url);

GetString = Extension.LoadString;

Contoso = [Authentication = [Anonymous = []], Label = GetString("DataSourceLabel")];

Contoso.Publish = [Beta = true, ButtonText = {GetString("ButtonTitle"), GetString("ButtonHelp")}];
`,
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ButtonTitle", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Run: func(p *Pass) {
		neutral := p.Conn.NeutralResx()
		if neutral == nil || neutral.File == nil || neutral.Err != nil {
			return
		}
		for _, f := range p.Conn.MFiles() {
			if f.AST == nil || f.Err != nil {
				return // calls in the unparsed part are not known
			}
		}
		mayLoad := p.Conn.LoadStringKeys().Loader()
		for _, e := range neutral.File.Entries {
			if e.Name == "" || mayLoad(e.Name) {
				continue
			}
			reportEntry(p, neutral, e, "key %q is not loaded by any Extension.LoadString call; remove it (and its translations) or load it", e.Name)
		}
	},
}
