package checks

import "strings"

// MissingVersion (PQ003) reports a section without a [Version] attribute.
var MissingVersion = &Rule{
	ID:       "PQ003",
	Name:     "missing-version",
	Severity: Error,
	Title:    `no [Version = "x.y.z"] literal attribute above the section`,
	Doc: "Reports a connector whose section document has no `Version` field in the literal attribute record above " +
		"`section Name;`. Certification requires this version header: reviewers, Power Query and the connector's " +
		"users tell releases apart by it, and pqcert's version-bump check (PQ005) needs it to see that a change was " +
		"released as a new version. Add `[Version = \"1.0.0\"]` on the line above `section`; when the section already " +
		"has attributes, add `Version = \"1.0.0\"` to that record. M names are case-sensitive, so `version` does not count, " +
		"and a `Version` attribute on a shared member instead of the section does not count either.",
	Requirement: "The connector MUST: Contain a version header/adornment above the section document.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "section Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[\n    Version = \"1.0.0\",\n    Description = \"Orders from the Contoso API\"\n]\nsection Contoso;\n\n" +
			"[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
	}},
	Run: func(p *Pass) {
		sec := p.Conn.Section()
		if sec == nil || sectionVersion(p.Conn) != nil {
			return
		}
		f := p.Conn.Main
		if f.Err != nil && sec.Attrs != nil {
			return // the attribute record may be cut short by a syntax error (PQ001)
		}
		name := p.Conn.Name
		if sec.Name != nil {
			name = sec.Name.Raw
		}
		end := sec.Keyword + 7 // "section"
		if sec.Name != nil {
			end = sec.Name.End()
		}
		if sec.Attrs != nil {
			for _, fl := range sec.Attrs.Fields {
				if fl.Name != nil && strings.EqualFold(fl.Name.Name, "Version") {
					p.Report(f, fl.Name, "the section's attribute is named %q, but M names are case-sensitive; rename it to Version", fl.Name.Name)
					return
				}
			}
			p.ReportRange(f.Path, f.Src, sec.Attrs.Pos(), end, "the section has no Version attribute; add `Version = \"1.0.0\"` to the attribute record above `section "+name+";`")
			return
		}
		for _, m := range sec.Members {
			if fl := m.Attrs.Lookup("Version"); fl != nil && m.Name != nil {
				p.Report(f, fl, "Version is an attribute of member %q, not of the section; move `[Version = ...]` above `section %s;`", m.Name.Raw, name)
				return
			}
		}
		p.ReportRange(f.Path, f.Src, sec.Keyword, end, "the section has no version; add `[Version = \"1.0.0\"]` on the line above `section "+name+";`")
	},
}
