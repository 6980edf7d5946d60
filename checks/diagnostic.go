package checks

import (
	"fmt"

	"github.com/pqcert/pqcert/m/token"
)

// Severity says whether a finding fails a run (Error) or only informs
// (Warning, which fails a run only under --strict).
type Severity int

const (
	Error Severity = iota + 1
	Warning
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Diagnostic is one finding: a rule, a place and a message. Positions are
// 1-based; columns count characters. A finding about a whole text file
// that exists is placed at 1:1 (Pass.ReportFileStart); only one about a
// file that does not exist or is not text has Line 0.
type Diagnostic struct {
	Rule      string // stable ID, e.g. "PQ005"
	Name      string // kebab-case slug, e.g. "version-not-bumped"
	Severity  Severity
	File      string // repository-relative, '/'-separated
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Message   string
	Connector string // the connector's folder ("." for the root)

	// Source is the file the position points into, for printing the source
	// line under the message; nil when the finding has no source text.
	Source *token.File
}

// Position returns "file:line:col" (or "file" for a file-level finding).
func (d Diagnostic) Position() string {
	p := token.Position{Filename: d.File, Line: d.Line, Column: d.Column}
	return p.String()
}

// String formats the diagnostic as `file:line:col: severity: message [ID name]`.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s %s]", d.Position(), d.Severity, d.Message, d.Rule, d.Name)
}
