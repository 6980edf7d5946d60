// Package scanner implements a scanner for Power Query M source text. It
// takes a []byte as source which can then be tokenized through repeated
// calls to the Scan method.
package scanner

import (
	"fmt"
	"unicode/utf8"

	"github.com/pqcert/pqcert/m/token"
)

// An ErrorHandler may be given to Init. It is called for each error the
// scanner finds; the scanner then carries on.
type ErrorHandler func(pos token.Position, msg string)

// Mode controls the scanner.
type Mode uint

const (
	// ScanComments makes Scan return comments as COMMENT tokens instead
	// of skipping them.
	ScanComments Mode = 1 << iota
)

const (
	bom = 0xFEFF // byte order mark, only allowed as the first character
	eof = -1     // end of input
)

// A Scanner holds the scanner's state while it processes a source. It
// must be initialized with Init before use.
type Scanner struct {
	file *token.File
	src  []byte
	err  ErrorHandler
	mode Mode

	ch       rune // current character, eof at the end
	offset   int  // byte offset of ch
	rdOffset int  // byte offset after ch
	chErr    bool // ch is an invalid UTF-8 byte or NUL, already reported

	// ErrorCount is the number of errors reported.
	ErrorCount int
}

// Init prepares s to tokenize src. file gives line and column for error
// positions; it may be nil, in which case one is built from src. A leading
// UTF-8 byte order mark is skipped.
func (s *Scanner) Init(file *token.File, src []byte, errh ErrorHandler, mode Mode) {
	if file == nil {
		file = token.NewFile("", src)
	}
	*s = Scanner{file: file, src: src, err: errh, mode: mode}
	s.next()
	if s.ch == bom {
		s.next()
	}
}

// next reads the next character into s.ch. Invalid UTF-8 and NUL are
// reported once here and then treated as ordinary (illegal) characters.
func (s *Scanner) next() {
	s.offset = s.rdOffset
	s.chErr = false
	if s.rdOffset >= len(s.src) {
		s.ch = eof
		return
	}
	c := s.src[s.rdOffset]
	if c != 0 && c < utf8.RuneSelf {
		s.ch = rune(c)
		s.rdOffset++
		return
	}
	r, w := rune(c), 1
	switch {
	case c == 0:
		s.error(s.offset, "invalid character NUL (binary file?)")
		s.chErr = true
	default:
		r, w = utf8.DecodeRune(s.src[s.rdOffset:])
		if r == utf8.RuneError && w == 1 {
			s.error(s.offset, "invalid UTF-8 encoding")
			s.chErr = true
		}
	}
	s.rdOffset += w
	s.ch = r
}

// peek returns the byte after the current character, or 0 at the end.
func (s *Scanner) peek() byte {
	if s.rdOffset < len(s.src) {
		return s.src[s.rdOffset]
	}
	return 0
}

func (s *Scanner) peekRune() rune {
	if s.rdOffset >= len(s.src) {
		return eof
	}
	r, _ := utf8.DecodeRune(s.src[s.rdOffset:])
	return r
}

func (s *Scanner) error(offset int, msg string) {
	if s.err != nil {
		s.err(s.file.OffsetPosition(offset), msg)
	}
	s.ErrorCount++
}

func (s *Scanner) errorf(offset int, format string, args ...any) {
	s.error(offset, fmt.Sprintf(format, args...))
}

func (s *Scanner) skipWhitespace() {
	for {
		switch s.ch {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			s.next()
			continue
		}
		if s.ch >= utf8.RuneSelf && !s.chErr && IsWhitespace(s.ch) {
			s.next()
			continue
		}
		return
	}
}

// Scan returns the next token: its position, kind, and source text for
// identifiers, literals, keywords and comments (empty for operators). At
// the end of the source it returns EOF. Errors go to the ErrorHandler;
// an unknown character comes back as ILLEGAL.
func (s *Scanner) Scan() (pos token.Pos, tok token.Token, lit string) {
	pos, end, tok := s.ScanSpan()
	if tok.IsLiteral() || tok.IsKeyword() || tok == token.COMMENT || tok == token.ILLEGAL {
		lit = string(s.src[pos.Offset():end.Offset()])
	}
	return pos, tok, lit
}

// ScanSpan is Scan without the literal text: it returns where the token
// starts and ends, for callers that keep the source themselves.
func (s *Scanner) ScanSpan() (pos, end token.Pos, tok token.Token) {
	for {
		s.skipWhitespace()
		start := s.offset
		tok = s.scanToken()
		if tok != token.COMMENT || s.mode&ScanComments != 0 {
			return token.PosOf(start), token.PosOf(s.offset), tok
		}
	}
}

func (s *Scanner) scanToken() token.Token {
	start := s.offset
	ch, bad := s.ch, s.chErr
	if IsIdentStart(ch) && !bad {
		return s.scanIdentifier()
	}
	if '0' <= ch && ch <= '9' {
		return s.scanNumber()
	}
	s.next()
	switch ch {
	case eof:
		return token.EOF
	case '"':
		s.scanText(start)
		return token.TEXT
	case '#':
		return s.scanHash(start)
	case '.':
		if isDecimal(byte(s.ch)) && s.ch < utf8.RuneSelf {
			return s.scanFraction()
		}
		if s.ch == '.' {
			s.next()
			if s.ch == '.' {
				s.next()
				return token.ELLIPSIS
			}
			return token.DOTDOT
		}
		s.error(start, "unexpected '.': a number needs digits after the decimal point, and M has no member-access dot")
		return token.ILLEGAL
	case ',':
		return token.COMMA
	case ';':
		return token.SEMICOLON
	case '=':
		if s.ch == '>' {
			s.next()
			return token.ARROW
		}
		return token.EQL
	case '<':
		switch s.ch {
		case '=':
			s.next()
			return token.LEQ
		case '>':
			s.next()
			return token.NEQ
		}
		return token.LSS
	case '>':
		if s.ch == '=' {
			s.next()
			return token.GEQ
		}
		return token.GTR
	case '+':
		return token.ADD
	case '-':
		return token.SUB
	case '*':
		return token.MUL
	case '/':
		switch s.ch {
		case '/':
			s.scanLineComment()
			return token.COMMENT
		case '*':
			s.scanBlockComment(start)
			return token.COMMENT
		}
		return token.QUO
	case '&':
		return token.CONCAT
	case '(':
		return token.LPAREN
	case ')':
		return token.RPAREN
	case '[':
		return token.LBRACK
	case ']':
		return token.RBRACK
	case '{':
		return token.LBRACE
	case '}':
		return token.RBRACE
	case '@':
		return token.AT
	case '!':
		return token.BANG
	case '?':
		if s.ch == '?' {
			s.next()
			return token.COALESCE
		}
		return token.QUESTION
	}
	switch {
	case bad: // invalid UTF-8 or NUL, reported by next
	case ch == bom:
		// A BOM is a format character: inside a word it is part of the
		// identifier, anywhere else it is out of place.
		s.error(start, "unexpected byte order mark (U+FEFF)")
	default:
		s.errorf(start, "invalid character %#U", ch)
	}
	return token.ILLEGAL
}

// scanIdentifier reads a regular identifier, which may contain dots
// (Table.AddColumn), and returns its keyword token or IDENT. A dot stays
// in the name only when an identifier-start character follows it; `..`
// ends the name. The reference parser also keeps a dot followed by a
// digit or by nothing (a.1, Foo.); the spec does not, so those are
// reported but kept in the token to keep the parse going.
func (s *Scanner) scanIdentifier() token.Token {
	start := s.offset
	dotted := false
	for {
		s.skipIdentPart()
		if s.ch != '.' {
			break
		}
		r := s.peekRune()
		if r == '.' {
			break
		}
		dot := s.offset
		s.next()
		dotted = true
		if !IsIdentStart(r) {
			if IsIdentPart(r) {
				s.error(s.offset, "identifier part after '.' must start with a letter or '_'")
				continue
			}
			s.error(dot, "identifier cannot end with '.'")
			break
		}
	}
	word := s.src[start:s.offset]
	if dotted || len(word) > 9 || word[0] < 'a' || word[0] > 'z' {
		return token.IDENT // no keyword is dotted, long or capitalized
	}
	return token.Lookup(string(word))
}

// asciiIdentPart marks the ASCII identifier-part characters.
var asciiIdentPart = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = IsIdentPart(rune(c))
	}
	return t
}()

// skipIdentPart skips identifier-part characters, ASCII ones in a tight loop.
func (s *Scanner) skipIdentPart() {
	for {
		i := s.offset
		for i < len(s.src) && s.src[i] < utf8.RuneSelf && asciiIdentPart[s.src[i]] {
			i++
		}
		if i > s.offset {
			s.rdOffset = i
			s.next()
		}
		if s.ch < utf8.RuneSelf || s.chErr || !IsIdentPart(s.ch) {
			return
		}
		s.next()
	}
}

// scanNumber reads a decimal or hexadecimal number literal starting at a digit.
func (s *Scanner) scanNumber() token.Token {
	start := s.offset
	if s.ch == '0' && (s.peek() == 'x' || s.peek() == 'X') {
		s.next()
		s.next()
		digits := s.offset
		for s.ch < utf8.RuneSelf && s.ch >= 0 && isHex(byte(s.ch)) {
			s.next()
		}
		if s.offset == digits {
			s.error(start, "hexadecimal number has no digits after 0x")
		}
		return token.NUMBER
	}
	s.skipDigits()
	if s.ch == '.' {
		switch c := s.peek(); {
		case isDecimal(c):
			s.next()
			return s.scanFraction()
		case c != '.':
			s.next()
			s.error(start, "decimal point must be followed by digits")
			return token.NUMBER
		}
	}
	s.scanExponent()
	return token.NUMBER
}

// scanFraction reads the digits after a decimal point and an exponent.
func (s *Scanner) scanFraction() token.Token {
	s.skipDigits()
	s.scanExponent()
	return token.NUMBER
}

// scanExponent reads e, E, e+ or E- and digits, but only when digits
// follow, so `1else` stays a number and a keyword as in the reference.
func (s *Scanner) scanExponent() {
	if s.ch != 'e' && s.ch != 'E' {
		return
	}
	i := s.rdOffset
	if i < len(s.src) && (s.src[i] == '+' || s.src[i] == '-') {
		i++
	}
	if i < len(s.src) && isDecimal(s.src[i]) {
		for s.rdOffset < i {
			s.next()
		}
		s.next()
		s.skipDigits()
	}
}

func (s *Scanner) skipDigits() {
	for '0' <= s.ch && s.ch <= '9' {
		s.next()
	}
}

// scanHash reads what follows '#': a quoted identifier #"…", a verbatim
// literal #!"…", or a #-keyword.
func (s *Scanner) scanHash(start int) token.Token {
	switch s.ch {
	case '"':
		s.next()
		s.scanText(start)
		return token.IDENT
	case '!':
		if s.peek() == '"' {
			s.next()
			s.next()
			s.scanText(start)
			return token.VERBATIM
		}
	}
	for 'a' <= s.ch && s.ch <= 'z' {
		s.next()
	}
	word := string(s.src[start:s.offset])
	if tok := token.Lookup(word); tok.IsHashKeyword() {
		return tok
	}
	if word == "#" {
		s.error(start, "unexpected '#': expected #\"name\", #!\"verbatim\" or a #-keyword such as #date")
	} else {
		s.errorf(start, "unknown #-keyword %q", word)
	}
	return token.ILLEGAL
}

func (s *Scanner) scanLineComment() {
	for s.ch != eof && !IsNewline(s.ch) {
		s.next()
	}
}

// scanBlockComment reads a /* comment */; they do not nest.
func (s *Scanner) scanBlockComment(start int) {
	s.next() // '*'
	for s.ch != eof {
		ch := s.ch
		s.next()
		if ch == '*' && s.ch == '/' {
			s.next()
			return
		}
	}
	s.error(start, "comment not terminated: /* needs a closing */")
}
