package checks

import (
	"errors"
	"strings"

	"github.com/pqcert/pqcert/resx"
)

// ResxMalformed (PQ030) reports a resources file that cannot be read as resx.
var ResxMalformed = &Rule{
	ID:       "PQ030",
	Name:     "resx-malformed",
	Severity: Error,
	Title:    "resources.resx is not well-formed resx XML",
	Doc: "Finds a resources.resx or resources.<culture>.resx that is not well-formed resx: broken or truncated XML, " +
		"a document whose root is not <root>, entity expansion (an XML bomb), an encoding the file does not match, or a <data> element without a name. " +
		"Power Query reads every string of the connector from this file, so a connector whose resx cannot be read fails to load, " +
		"and every Extension.LoadString call in it fails. The finding points at the first place the reader could not go past; " +
		"fix the XML there (an editor with XML validation helps), or regenerate the file from the SDK template and copy the <data> entries back. " +
		"When the file holds unresolved merge conflict markers (lines starting <<<<<<<, =======, >>>>>>>), the message says so.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": resxExampleMain(),
		"resources.resx": `<?xml version="1.0" encoding="utf-8"?>
<root>
  <data name="DataSourceLabel" xml:space="preserve">
    <value>Contoso</value>
  </data>
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": resxExampleMain(),
		"resources.resx": `<?xml version="1.0" encoding="utf-8"?>
<root>
  <data name="DataSourceLabel" xml:space="preserve">
    <value>Contoso</value>
  </data>
</root>
`,
	}},
	Run: func(p *Pass) {
		for _, r := range p.Conn.Resx {
			if r.Err == nil {
				continue
			}
			var re *resx.Error
			if !errors.As(r.Err, &re) || !re.Pos.IsValid() {
				p.ReportFile(r.Path, "%s cannot be read as resx: %v; fix the file so that it is a well-formed <root> of <data> entries", r.Path, r.Err)
				continue
			}
			d := Diagnostic{
				File: r.Path, Line: re.Pos.Line, Column: re.Pos.Column, EndLine: re.Pos.Line, EndColumn: re.Pos.Column,
				Message: re.Msg + malformedHint(re.Msg),
			}
			if r.File != nil && r.File.Src != nil {
				d.Source = r.File.Src
				d.Message = conflictMessage(r.File.Src.Source(), d.Message)
			}
			p.add(d)
		}
		for _, r := range p.Conn.Resx {
			if r.File == nil {
				continue
			}
			for _, e := range r.File.Entries {
				if e.Name == "" {
					p.ReportRange(r.Path, r.File.Src, e.Pos, e.End, "<data> element without a name; give it a name attribute, the key Extension.LoadString reads it by")
				}
			}
		}
	},
}

// malformedHint says what to do about a resx parse error.
func malformedHint(msg string) string {
	if strings.Contains(msg, "not a resx") {
		return "; it must be XML with a <root> of <data name=\"Key\"><value>text</value></data> entries"
	}
	return "; fix the XML there"
}
