package checks

import "path"

// ResxLocaleMismatch (PQ036) reports culture resx files whose keys differ
// from resources.resx.
var ResxLocaleMismatch = &Rule{
	ID:       "PQ036",
	Name:     "resx-locale-mismatch",
	Severity: Warning,
	Title:    "a resources.<culture>.resx lacks or adds keys against resources.resx",
	Doc: "Compares every resources.<culture>.resx with the neutral resources.resx. A key the culture file adds exists only for users of that language, " +
		"so Extension.LoadString fails for everyone else; it is usually a key renamed in one file and not the other. " +
		"A key the culture file lacks shows users of that language the neutral text. " +
		"A culture file with no resources.resx beside it has nothing to fall back to. " +
		"Keep the files in step: add the missing translations, and rename or remove the extra keys. " +
		"Files that cannot be read are left to PQ030.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq":           resxExampleMain(),
		"resources.resx":       resxExample("DataSourceLabel", "Contoso"),
		"resources.fr-FR.resx": resxExample("DataSourceLabelText", "Contoso"),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq":           resxExampleMain(),
		"resources.resx":       resxExample("DataSourceLabel", "Contoso"),
		"resources.fr-FR.resx": resxExample("DataSourceLabel", "Contoso"),
	}},
	Run: func(p *Pass) {
		neutral := p.Conn.NeutralResx()
		if neutral != nil && (neutral.File == nil || neutral.Err != nil) {
			return
		}
		for _, r := range readableResx(p.Conn) {
			if r.Culture == "" {
				continue
			}
			if neutral == nil {
				p.ReportFileStart(r.Path, r.File.Src, "%s has no resources.resx beside it to fall back to; add %s with the same keys in the default language",
					path.Base(r.Path), path.Join(path.Dir(r.Path), "resources.resx"))
				continue
			}
			neutralNames, names := resxNames(neutral.File), resxNames(r.File)
			for _, e := range r.File.Entries {
				if e.Name != "" && !neutralNames[e.Name] {
					reportEntry(p, r, e, "key %q is not in %s, so it loads only for this language; add it there, rename it to the key it translates, or remove it",
						e.Name, path.Base(neutral.Path))
				}
			}
			for _, e := range neutral.File.Entries {
				if e.Name != "" && !names[e.Name] {
					reportEntry(p, neutral, e, "key %q has no %s translation in %s; add one", e.Name, r.Culture, path.Base(r.Path))
				}
			}
		}
	},
}
