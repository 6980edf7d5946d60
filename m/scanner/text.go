package scanner

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// scanText reads the rest of a text literal, quoted identifier or
// verbatim literal after its opening quote. Text may span lines, `""` is
// a quote, and `#(` always starts an escape sequence, which is checked.
func (s *Scanner) scanText(start int) {
	for {
		switch s.ch {
		case eof:
			s.error(start, "text not terminated: missing closing '\"'")
			return
		case '"':
			s.next()
			if s.ch != '"' {
				return
			}
		case '#':
			if s.peek() == '(' {
				s.scanEscape()
				continue
			}
		}
		s.next()
	}
}

// scanEscape reads and checks `#(` escape-list `)` at s.ch == '#'.
func (s *Scanner) scanEscape() {
	start := s.offset
	s.next() // '#'
	s.next() // '('
	body := s.offset
	for s.ch != eof && s.ch != ')' && s.ch != '"' && !IsNewline(s.ch) {
		s.next()
	}
	list := string(s.src[body:s.offset])
	if s.ch != ')' {
		s.errorf(start, "escape sequence #(%s not closed by ')'", list)
		return
	}
	s.next()
	if _, ok := decodeEscapeList(list); !ok {
		s.errorf(start, "invalid escape sequence #(%s): expected cr, lf, tab, #, or 4 or 8 hex digits, separated by commas", list)
	}
}

// decodeEscapeList decodes the inside of #( ) into UTF-16 code units.
func decodeEscapeList(list string) ([]uint16, bool) {
	var out []uint16
	for item := range strings.SplitSeq(list, ",") {
		switch item {
		case "cr":
			out = append(out, '\r')
		case "lf":
			out = append(out, '\n')
		case "tab":
			out = append(out, '\t')
		case "#":
			out = append(out, '#')
		default:
			if len(item) != 4 && len(item) != 8 {
				return nil, false
			}
			for i := 0; i < len(item); i++ {
				if !isHex(item[i]) {
					return nil, false
				}
			}
			v, _ := strconv.ParseUint(item, 16, 32)
			switch {
			case v < 0x10000:
				out = append(out, uint16(v))
			case v <= utf8.MaxRune:
				r1, r2 := utf16.EncodeRune(rune(v))
				out = append(out, uint16(r1), uint16(r2))
			default:
				out = append(out, utf8.RuneError)
			}
		}
	}
	return out, true
}

// Decode returns the value of a text literal ("a""b"), quoted identifier
// (#"a b") or verbatim literal (#!"x") from its source text: quotes
// removed, `""` made one quote and #( ) escapes decoded. Escapes may
// encode UTF-16 surrogate pairs (#(D83D)#(DE00)); a lone surrogate becomes
// U+FFFD. Invalid escapes, already reported by the scanner, are kept as
// written. Any other raw text (a regular identifier) is returned as is.
func Decode(raw string) string {
	body, ok := textBody(raw)
	if !ok {
		return raw
	}
	if !strings.Contains(body, `""`) && !strings.Contains(body, "#(") {
		return body
	}
	var b strings.Builder
	b.Grow(len(body))
	var pending []uint16 // escaped UTF-16 code units not yet written
	flush := func() {
		if len(pending) > 0 {
			b.WriteString(string(utf16.Decode(pending)))
			pending = pending[:0]
		}
	}
	for i := 0; i < len(body); {
		switch {
		case body[i] == '"' && i+1 < len(body) && body[i+1] == '"':
			flush()
			b.WriteByte('"')
			i += 2
			continue
		case body[i] == '#' && i+1 < len(body) && body[i+1] == '(':
			if end := strings.IndexByte(body[i:], ')'); end > 0 {
				if units, ok := decodeEscapeList(body[i+2 : i+end]); ok {
					pending = append(pending, units...)
					i += end + 1
					continue
				}
			}
		}
		flush()
		b.WriteByte(body[i])
		i++
	}
	flush()
	return b.String()
}

// textBody strips the delimiters of "…", #"…" and #!"…".
func textBody(raw string) (string, bool) {
	switch {
	case strings.HasPrefix(raw, `#!"`):
		raw = raw[3:]
	case strings.HasPrefix(raw, `#"`):
		raw = raw[2:]
	case strings.HasPrefix(raw, `"`):
		raw = raw[1:]
	default:
		return "", false
	}
	return strings.TrimSuffix(raw, `"`), true
}
