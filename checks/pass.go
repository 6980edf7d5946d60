package checks

import (
	"fmt"
	"path"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// Pass is what a rule sees while it runs on one connector.
type Pass struct {
	Rule   *Rule
	Conn   *Connector // the connector as it will be committed
	Before *Connector // the same connector before the change; nil when new or not comparing
	Config *Config

	diags []Diagnostic
}

// Config holds the options that change what rules accept.
type Config struct {
	// VersionPlaceholder is a version that CI stamps later (e.g. "0.0.0");
	// a connector that keeps it is not asked to bump its version.
	VersionPlaceholder string
	// Released says every connector has had its first certified release,
	// so Beta may be false or absent; ReleasedConnectors says it of the
	// connectors named (by folder or name).
	Released           bool
	ReleasedConnectors []string
	// Before names what a change is compared with in messages: "HEAD" by
	// default, a ref under --from-ref.
	Before string
	// CredentialOptions are the Web.Contents options that carry a credential
	// out of the URL (CredentialQueryString, ApiKeyName).
	CredentialOptions []string
}

// DefaultConfig returns the configuration used when no flag changes it.
func DefaultConfig() *Config {
	return &Config{CredentialOptions: []string{"CredentialQueryString", "ApiKeyName"}, Before: "HEAD"}
}

// IsReleased reports whether c has had its first certified release.
func (cfg *Config) IsReleased(c *Connector) bool {
	if cfg == nil {
		return false
	}
	if cfg.Released {
		return true
	}
	for _, name := range cfg.ReleasedConnectors {
		if name == c.Dir || name == c.Name || path.Base(c.Dir) == name {
			return true
		}
	}
	return false
}

// BeforeName is what the change is compared with, for messages.
func (cfg *Config) BeforeName() string {
	if cfg == nil || cfg.Before == "" {
		return "HEAD"
	}
	return cfg.Before
}

// Report reports a finding at node n of file f.
func (p *Pass) Report(f *MFile, n ast.Node, format string, args ...any) {
	p.ReportRange(f.Path, f.Src, n.Pos(), n.End(), fmt.Sprintf(format, args...))
}

// ReportRange reports a finding between two positions of a file.
func (p *Pass) ReportRange(path string, src *token.File, pos, end token.Pos, msg string) {
	d := Diagnostic{File: path, Message: msg, Source: src}
	if src != nil && pos.IsValid() {
		start := src.Position(pos)
		d.Line, d.Column = start.Line, start.Column
		if end.IsValid() && end > pos {
			e := src.Position(end)
			d.EndLine, d.EndColumn = e.Line, e.Column
		} else {
			d.EndLine, d.EndColumn = d.Line, d.Column
		}
	}
	p.add(d)
}

// ReportFile reports a finding about a whole file (no position), for a
// file that does not exist or is not text; see ReportFileStart.
func (p *Pass) ReportFile(path string, format string, args ...any) {
	p.add(Diagnostic{File: path, Message: fmt.Sprintf(format, args...)})
}

// ReportFileStart reports a finding about a whole text file at its first
// line and column, so that every output format can place it; without the
// file's text (a file that does not exist or is not text) it is a
// file-level finding like ReportFile's.
func (p *Pass) ReportFileStart(path string, src *token.File, format string, args ...any) {
	if src == nil {
		p.ReportFile(path, format, args...)
		return
	}
	p.ReportRange(path, src, token.PosOf(0), token.NoPos, fmt.Sprintf(format, args...))
}

func (p *Pass) add(d Diagnostic) {
	d.Rule, d.Name, d.Severity = p.Rule.ID, p.Rule.Name, p.Rule.Severity
	if p.Conn != nil {
		d.Connector = p.Conn.Dir
	}
	p.diags = append(p.diags, d)
}

// where formats a node's position as path:line.
func where(f *MFile, n ast.Node) string {
	if f == nil || f.Src == nil || n == nil {
		return "?"
	}
	return fmt.Sprintf("%s:%d", f.Path, f.Src.Position(n.Pos()).Line)
}

// snippet returns the source text of n on one line, shortened.
func snippet(f *MFile, n ast.Node) string {
	if f == nil || f.Src == nil || n == nil {
		return ""
	}
	src := f.Src.Source()
	from, to := n.Pos().Offset(), n.End().Offset()
	if from < 0 || to > len(src) || from >= to {
		return ""
	}
	s := strings.Join(strings.Fields(string(src[from:to])), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// fileOf returns the M file of the connector that holds node n, or nil.
func (c *Connector) fileOf(n ast.Node) *MFile {
	return cached(c, "nodeFiles", c.nodeFiles)[n]
}

// nodeFiles maps every node of the connector's M files to its file, so that
// a rule reporting thousands of findings does not walk the files for each.
func (c *Connector) nodeFiles() map[ast.Node]*MFile {
	out := map[ast.Node]*MFile{}
	for _, f := range c.MFiles() {
		if f.AST == nil {
			continue
		}
		ast.Inspect(f.AST, func(x ast.Node) bool {
			if _, ok := out[x]; !ok {
				out[x] = f
			}
			return true
		})
	}
	return out
}

// reportNode reports at node n in whichever M file of the connector holds
// it (the main file when none does).
func (p *Pass) reportNode(n ast.Node, format string, args ...any) {
	f := p.Conn.fileOf(n)
	if f == nil {
		f = p.Conn.Main
	}
	p.Report(f, n, format, args...)
}
