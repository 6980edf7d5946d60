package checks

import "strings"

// ResxEmptyValue (PQ037) reports resx entries without text.
var ResxEmptyValue = &Rule{
	ID:       "PQ037",
	Name:     "resx-empty-value",
	Severity: Warning,
	Title:    "a resx key with an empty value",
	Doc: "Finds resx string entries whose value is empty or only white space, or that have no <value> at all. " +
		"Extension.LoadString then returns an empty text, so a button, label or credential prompt shows nothing, " +
		"which a reviewer reports as a usability defect; in a resources.<culture>.resx an empty value also hides the neutral text it was meant to translate. " +
		"Write the text, or remove the entry together with the code that loads it.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq":     resxExampleMain(`Contoso.Publish = [Beta = true, ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}];`),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ButtonTitle", "Contoso", "ButtonHelp", ""),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq":     resxExampleMain(`Contoso.Publish = [Beta = true, ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}];`),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ButtonTitle", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Run: func(p *Pass) {
		for _, r := range p.Conn.Resx {
			if r.File == nil {
				continue
			}
			for _, e := range r.File.Entries {
				if e.Name == "" || e.Type != "" || strings.TrimSpace(e.Value) != "" {
					continue
				}
				if !e.HasValue {
					reportEntry(p, r, e, "key %q has no <value>; add <value> with the text, or remove the entry", e.Name)
					continue
				}
				reportEntry(p, r, e, "key %q has an empty value; write the text, or remove the entry and the code that loads it", e.Name)
			}
		}
	},
}
