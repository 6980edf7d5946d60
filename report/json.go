package report

import (
	"encoding/json"
	"io"
)

var _ Reporter = (*JSON)(nil)

// JSON writes the one object DESIGN.md fixes:
// {"diagnostics":[{"rule","name","severity","file","line","column",
// "endLine","endColumn","message","connector"}]}, on one line. A file-level
// finding has line and column 0; no findings is {"diagnostics":[]}.
type JSON struct{}

type jsonDiagnostic struct {
	Rule      string `json:"rule"`
	Name      string `json:"name"`
	Severity  string `json:"severity"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
	Connector string `json:"connector"`
}

func (*JSON) Report(w io.Writer, r *Result) error {
	out := struct {
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}{Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics))}
	for _, d := range r.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, jsonDiagnostic{
			Rule: d.Rule, Name: d.Name, Severity: d.Severity.String(),
			File: d.File, Line: d.Line, Column: d.Column, EndLine: d.EndLine, EndColumn: d.EndColumn,
			Message: d.Message, Connector: d.Connector,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote M code such as "<>" and "&"
	return enc.Encode(out)
}
