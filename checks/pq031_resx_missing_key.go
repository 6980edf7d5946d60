package checks

import (
	"fmt"
	"path"
)

// ResxMissingKey (PQ031) reports Extension.LoadString keys that
// resources.resx does not define.
var ResxMissingKey = &Rule{
	ID:       "PQ031",
	Name:     "resx-missing-key",
	Severity: Error,
	Title:    "Extension.LoadString names a key that resources.resx lacks",
	Doc: "Finds Extension.LoadString calls whose key is not defined in resources.resx: a literal key, a key bound to a name, " +
		"a key joined from constant parts with &, or a key passed to a wrapper function such as `GetString = (key) => Extension.LoadString(key)`. " +
		"A missing key makes the call fail when the connector runs, usually in the Get Data dialog or the credential prompt, " +
		"where a reviewer sees it at once. Keys computed from a variable cannot be checked and are left alone. " +
		"Fix it by adding a <data name=\"Key\"> entry with the text to resources.resx, or by correcting the key in the M code.",
	Requirement: "The connector SHOULD: Place strings in a resources.resx file.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": resxExampleMain(`Contoso.Publish = [
    Beta = true,
    ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}
];`),
		"resources.resx": resxExample("ButtonTitle", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": resxExampleMain(`Contoso.Publish = [
    Beta = true,
    ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}
];`),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ButtonTitle", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Run: func(p *Pass) {
		neutral := p.Conn.NeutralResx()
		if neutral != nil && (neutral.File == nil || neutral.Err != nil) {
			return // PQ030: the keys it holds are not known
		}
		reported := map[string]bool{}
		var names map[string]bool
		if neutral != nil {
			names = resxNames(neutral.File)
		}
		for _, u := range p.Conn.LoadStringKeys().Uses {
			if !u.Exact {
				continue
			}
			at := fmt.Sprintf("%s:%d:%q", u.File.Path, u.Node.Pos(), u.Prefix)
			if reported[at] {
				continue
			}
			reported[at] = true
			if neutral == nil {
				p.Report(u.File, u.Node, "Extension.LoadString key %q but the connector has no resources.resx; add %s with a <data name=%q> entry",
					u.Prefix, path.Join(p.Conn.Dir, "resources.resx"), u.Prefix)
				continue
			}
			if names[u.Prefix] {
				continue
			}
			if near := similarKey(neutral.File, u.Prefix); near != "" {
				p.Report(u.File, u.Node, "key %q is not in %s; correct it to %q or add a <data name=%q> entry", u.Prefix, neutral.Path, near, u.Prefix)
				continue
			}
			p.Report(u.File, u.Node, "key %q is not in %s; add a <data name=%q> entry or correct the key", u.Prefix, neutral.Path, u.Prefix)
		}
	},
}
