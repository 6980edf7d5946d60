package checks

import (
	"regexp"
	"strings"

	"github.com/pqcert/pqcert/m/token"
)

// A suppression is a comment `// pqcert:ignore PQ032 reason` (or
// `<!-- pqcert:ignore PQ032 reason -->` in resx). It silences the listed
// rules on its own line and on the next line. Without a reason it silences
// nothing; PQ009 reports it, and any that silences nothing.
type suppression struct {
	file   string
	src    *token.File
	pos    token.Pos
	line   int
	ids    []string
	reason string
	used   bool
}

var directiveRE = regexp.MustCompile(`pqcert:ignore\b(.*)`)
var idListRE = regexp.MustCompile(`^\s*((?:PQ[0-9]{3})(?:\s*,\s*PQ[0-9]{3})*)\s*(.*)$`)

// parseDirective reads the text after "pqcert:ignore": the IDs and the
// reason. ok is false when the comment holds no directive.
func parseDirective(comment string) (ids []string, reason string, ok bool) {
	m := directiveRE.FindStringSubmatch(comment)
	if m == nil {
		return nil, "", false
	}
	rest := strings.TrimSuffix(strings.TrimSpace(m[1]), "*/")
	rest = strings.TrimSuffix(strings.TrimSpace(rest), "-->")
	if idm := idListRE.FindStringSubmatch(rest); idm != nil {
		for _, id := range strings.Split(idm[1], ",") {
			ids = append(ids, strings.TrimSpace(id))
		}
		reason = strings.TrimSpace(idm[2])
	}
	return ids, reason, true
}

// suppressions collects the directives in a connector's M and resx files.
func suppressions(c *Connector) []*suppression {
	var out []*suppression
	add := func(path string, src *token.File, pos token.Pos, text string) {
		ids, reason, ok := parseDirective(text)
		if !ok {
			return
		}
		out = append(out, &suppression{file: path, src: src, pos: pos, line: src.Position(pos).Line, ids: ids, reason: reason})
	}
	for _, f := range c.MFiles() {
		if f.AST == nil {
			continue
		}
		for _, cm := range f.AST.Comments {
			add(f.Path, f.Src, cm.Pos(), cm.Text)
		}
	}
	for _, r := range c.Resx {
		if r.File == nil {
			continue
		}
		for _, cm := range r.File.Comments {
			add(r.Path, r.File.Src, cm.Pos, cm.Text)
		}
	}
	return out
}

func applySuppressions(c *Connector, diags []Diagnostic, ran map[string]bool) []Diagnostic {
	if c == nil {
		return diags
	}
	sups := suppressions(c)
	if len(sups) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, d := range diags {
		if !suppressed(sups, d) {
			kept = append(kept, d)
		}
	}
	if !ran[BadSuppression.ID] {
		return kept
	}
	for _, s := range sups {
		p := &Pass{Rule: BadSuppression, Conn: c}
		switch {
		case len(s.ids) == 0:
			p.ReportRange(s.file, s.src, s.pos, token.NoPos, "pqcert:ignore needs rule IDs and a reason, e.g. `// pqcert:ignore PQ032 key read by the gateway`")
		case s.reason == "":
			p.ReportRange(s.file, s.src, s.pos, token.NoPos, "pqcert:ignore "+strings.Join(s.ids, ",")+" has no reason: say why the finding does not apply")
		case !s.used && allRan(s.ids, ran):
			p.ReportRange(s.file, s.src, s.pos, token.NoPos, "pqcert:ignore "+strings.Join(s.ids, ",")+" suppresses nothing: remove it")
		}
		kept = append(kept, p.diags...)
	}
	return kept
}

func suppressed(sups []*suppression, d Diagnostic) bool {
	for _, s := range sups {
		if s.reason == "" || s.file != d.File || (d.Line != s.line && d.Line != s.line+1) {
			continue
		}
		for _, id := range s.ids {
			if id == d.Rule {
				s.used = true
				return true
			}
		}
	}
	return false
}

func allRan(ids []string, ran map[string]bool) bool {
	for _, id := range ids {
		if !ran[id] {
			return false
		}
	}
	return true
}
