package checks

import "strings"

// ResxDuplicateKey (PQ033) reports a key defined twice in one resx file.
var ResxDuplicateKey = &Rule{
	ID:       "PQ033",
	Name:     "resx-duplicate-key",
	Severity: Error,
	Title:    "a resx key defined twice",
	Doc: "Finds a <data name=\"Key\"> entry whose key an earlier entry of the same resources file already defines, " +
		"also when the two names differ only in case: .NET resource names are unique without regard to case, " +
		"and the resource compiler rejects such a file. Which of the two texts a user sees is not defined, " +
		"so a reviewer cannot tell what the connector shows. Keep one entry per key: delete the copy, " +
		"or rename it if the two texts are meant for different places.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq":     resxExampleMain(),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "DataSourceLabel", "Contoso Cloud"),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq":           resxExampleMain(),
		"resources.resx":       resxExample("DataSourceLabel", "Contoso"),
		"resources.de-DE.resx": resxExample("DataSourceLabel", "Contoso"),
	}},
	Run: func(p *Pass) {
		for _, r := range p.Conn.Resx {
			if r.File == nil {
				continue
			}
			first := map[string]int{} // lower-cased name → index of its first entry
			for i, e := range r.File.Entries {
				if e.Name == "" {
					continue
				}
				k := strings.ToLower(e.Name)
				j, seen := first[k]
				if !seen {
					first[k] = i
					continue
				}
				prev := r.File.Entries[j]
				line := r.File.Src.Position(prev.NamePos).Line
				if prev.Name == e.Name {
					reportEntry(p, r, e, "key %q is already defined on line %d; keep one of the two entries", e.Name, line)
				} else {
					reportEntry(p, r, e, "key %q differs only in case from %q on line %d, which .NET resources do not tell apart; rename or remove one", e.Name, prev.Name, line)
				}
			}
		}
	},
}
