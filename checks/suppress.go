package checks

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/pqcert/pqcert/m/token"
)

// A suppression is a comment `// pqcert:ignore PQ032 reason` (or
// `<!-- pqcert:ignore PQ032 reason -->` in resx). The IDs are separated by
// commas or spaces (`PQ040,PQ043` or `PQ040 PQ043`). It silences the listed
// rules on its own line and on the next line; a directive alone on its line
// directly above a section member's literal attributes silences them down
// to the line of the member's name. Without a reason it silences nothing;
// PQ009 reports it, an unknown rule ID, and each ID that silenced nothing.
type suppression struct {
	file     string
	src      *token.File
	pos      token.Pos
	line     int
	lastLine int // the last line it covers
	ids      []string
	reason   string
	used     map[string]bool // IDs that silenced a finding
}

var directiveRE = regexp.MustCompile(`pqcert:ignore\b(.*)`)
var idListRE = regexp.MustCompile(`^\s*(PQ[0-9]{3}(?:(?:\s*,\s*|\s+)PQ[0-9]{3}\b)*)\s*,?\s*(.*)$`)
var idRE = regexp.MustCompile(`PQ[0-9]{3}`)

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
		ids = idRE.FindAllString(idm[1], -1)
		reason = strings.TrimSpace(idm[2])
	}
	return ids, reason, true
}

// suppressions collects the directives in a connector's M and resx files.
func suppressions(c *Connector) []*suppression {
	var out []*suppression
	add := func(path string, src *token.File, pos token.Pos, text string) *suppression {
		ids, reason, ok := parseDirective(text)
		if !ok {
			return nil
		}
		line := src.Position(pos).Line
		s := &suppression{file: path, src: src, pos: pos, line: line, lastLine: line + 1, ids: ids, reason: reason, used: map[string]bool{}}
		out = append(out, s)
		return s
	}
	for _, f := range c.MFiles() {
		if f.AST == nil {
			continue
		}
		for _, cm := range f.AST.Comments {
			if s := add(f.Path, f.Src, cm.Pos(), cm.Text); s != nil && f.AST.Section != nil && aloneOnLine(f.Src, cm.Pos()) {
				s.lastLine = max(s.lastLine, memberNameLine(f, s.line+1))
			}
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
		report := func(msg string) { p.ReportRange(s.file, s.src, s.pos, token.NoPos, msg) }
		list := strings.Join(s.ids, ",")
		var unknown, unused []string
		for _, id := range s.ids {
			switch {
			case ByID(id) == nil:
				unknown = append(unknown, id)
			case !s.used[id] && ran[id]:
				unused = append(unused, id)
			}
		}
		for _, id := range unknown {
			report("pqcert:ignore names unknown rule " + id + ": check the ID (pqcert rules lists them)")
		}
		switch {
		case len(s.ids) == 0:
			report("pqcert:ignore needs rule IDs and a reason, e.g. `// pqcert:ignore PQ032 key read by the gateway`")
		case s.reason == "":
			report("pqcert:ignore " + list + " has no reason: say why the finding does not apply")
		case len(unused) == len(s.ids):
			report("pqcert:ignore " + list + " suppresses nothing: remove it")
		default:
			for _, id := range unused {
				report(id + " in pqcert:ignore " + list + " suppresses nothing: remove " + id + " from the list")
			}
		}
		kept = append(kept, p.diags...)
	}
	return kept
}

// aloneOnLine reports whether only blanks come before pos on its line.
func aloneOnLine(src *token.File, pos token.Pos) bool {
	b := src.Source()
	off := pos.Offset()
	if off > len(b) {
		return false
	}
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	before := bytes.TrimPrefix(b[start:off], []byte("\uFEFF"))
	return len(bytes.TrimLeft(before, " \t")) == 0
}

// memberNameLine returns the line of the name of the section member of f
// whose literal attributes start on line, or 0.
func memberNameLine(f *MFile, line int) int {
	for _, m := range f.AST.Section.Members {
		if m.Attrs != nil && m.Name != nil && f.Src.Position(m.Attrs.Pos()).Line == line {
			return f.Src.Position(m.Name.Pos()).Line
		}
	}
	return 0
}

func suppressed(sups []*suppression, d Diagnostic) bool {
	for _, s := range sups {
		if s.reason == "" || s.file != d.File || d.Line < s.line || d.Line > s.lastLine {
			continue
		}
		for _, id := range s.ids {
			if id == d.Rule {
				s.used[id] = true
				return true
			}
		}
	}
	return false
}
