package scanner

import (
	"unicode"
	"unicode/utf8"
)

// IsIdentStart reports whether r may start an identifier: a letter
// (Lu, Ll, Lt, Lm, Lo, Nl) or '_'.
func IsIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

// IsIdentPart reports whether r may continue an identifier: a letter,
// a decimal digit (Nd), '_', or a Pc, Mn, Mc or Cf character.
func IsIdentPart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Nd, r) ||
		unicode.In(r, unicode.Pc, unicode.Mn, unicode.Mc, unicode.Cf)
}

// isDigitChar reports whether r is a decimal-digit-character (Nd).
func isDigitChar(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.Is(unicode.Nd, r)
}

// IsNewline reports whether r ends a line: CR, LF, NEL, LS or PS.
func IsNewline(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// IsWhitespace reports whether r is M whitespace: a Zs character, TAB,
// VT, FF or a new-line character.
func IsWhitespace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '\n', '\r', 0x85, 0x2028, 0x2029:
		return true
	}
	return r >= utf8.RuneSelf && unicode.Is(unicode.Zs, r)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isDecimal(c byte) bool { return '0' <= c && c <= '9' }

// IsGeneralizedIdentifier reports whether s is a valid generalized
// identifier (a field name written without #"..."): parts separated by
// blanks (U+0020 only), each part an optional run of decimal digits
// followed by dot-separated segments that start with a letter or '_'.
// The spec allows one leading digit and one dot per part; real connectors
// (and the Power Query editor) write more, so any number is accepted. A
// part made only of digits is not a name.
func IsGeneralizedIdentifier(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	i := 0
	for i < len(s) {
		// One part: digits*, then segment ('.' segment)*.
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isDigitChar(r) {
				break
			}
			i += n
		}
		for {
			r, n := utf8.DecodeRuneInString(s[i:])
			if i >= len(s) || !IsIdentStart(r) {
				return false
			}
			i += n
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !IsIdentPart(r) {
					break
				}
				i += n
			}
			if i < len(s) && s[i] == '.' {
				i++
				continue
			}
			break
		}
		if i == len(s) {
			return true
		}
		if s[i] != ' ' {
			return false
		}
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return true
}
