package parser

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/pqcert/pqcert/m/token"
)

var nestingMessage = fmt.Sprintf("expressions nest deeper than %d levels", MaxDepth)

// error records an error at pos. Without AllErrors only the first error of
// a line is kept (later ones are usually follow-on errors) and parsing
// stops after maxErrors.
func (p *parser) error(pos token.Pos, msg string) {
	epos := p.info.Position(pos)
	if p.mode&AllErrors == 0 {
		if n := len(p.errors); n > 0 && p.errors[n-1].Pos.Line == epos.Line {
			return
		}
		if len(p.errors) >= maxErrors {
			panic(bailout{})
		}
	}
	p.errors.Add(epos, msg)
}

func (p *parser) errorf(pos token.Pos, format string, args ...any) {
	p.error(pos, fmt.Sprintf(format, args...))
}

// errorExpected reports "expected what, found <current token>". An
// ILLEGAL token was already reported by the scanner.
func (p *parser) errorExpected(what string) {
	if p.tok == token.ILLEGAL {
		return
	}
	p.error(p.pos, "expected "+what+", found "+p.found())
}

// expect consumes tok or reports that it is missing. It returns the
// position of the token found either way, so nodes stay well formed.
func (p *parser) expect(tok token.Token, context string) token.Pos {
	pos := p.pos
	if p.tok != tok {
		p.errorExpected(quote(tok) + context)
		return p.missingPos()
	}
	p.next()
	return pos
}

// missingPos is the position given to a missing token: the current one,
// or the last character at the end of the file, so that End() (which
// adds one past a closing token) stays inside the file.
func (p *parser) missingPos() token.Pos {
	if p.tok == token.EOF && p.pos > 1 {
		return p.pos - 1
	}
	return p.pos
}

// expectClosing consumes the closing token of a construct that started
// with opener at openPos, or reports it missing together with where the
// construct started.
func (p *parser) expectClosing(tok, opener token.Token, openPos token.Pos) token.Pos {
	if p.tok == tok {
		pos := p.pos
		p.next()
		return pos
	}
	verb := "to close"
	switch tok {
	case token.THEN, token.ELSE:
		verb = "for"
	}
	return p.expect(tok, fmt.Sprintf(" %s %s opened at %s", verb, quote(opener), p.lineCol(openPos)))
}

func (p *parser) lineCol(pos token.Pos) string {
	pp := p.info.Position(pos)
	return fmt.Sprintf("%d:%d", pp.Line, pp.Column)
}

// found describes the current token for a message.
func (p *parser) found() string {
	switch p.tok {
	case token.EOF:
		return "end of file"
	case token.IDENT:
		return "identifier " + excerpt(p.lit())
	case token.NUMBER:
		return "number " + excerpt(p.lit())
	case token.TEXT:
		return "text " + excerpt(p.lit())
	case token.VERBATIM:
		return "verbatim literal " + excerpt(p.lit())
	case token.ILLEGAL:
		return "invalid text " + strconv.Quote(p.lit())
	}
	return quote(p.tok)
}

func quote(tok token.Token) string { return "`" + tok.String() + "`" }

// excerpt quotes s in backticks, shortened to about 40 characters.
func excerpt(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:37]) + "..."
	}
	return "`" + s + "`"
}
