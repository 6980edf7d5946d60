package parser

import (
	"fmt"
	"strconv"

	"github.com/pqcert/pqcert/m/token"
)

var (
	nestingMessage = fmt.Sprintf("expressions nest deeper than %d levels", MaxDepth)
	chainMessage   = fmt.Sprintf("operators nest deeper than %d levels (a chain of more than %d operators, calls or selections); split the expression", MaxChain, MaxChain)
)

// error records an error at pos. Without AllErrors only the first error of
// a line is kept (later ones are usually follow-on errors) and parsing
// stops after maxErrors kept errors or maxDropped dropped ones. Whether an
// error is dropped is decided from its line alone (a binary search);
// its column is counted only when it is kept.
func (p *parser) error(pos token.Pos, msg string) {
	if p.drop(pos) {
		return
	}
	p.keep(pos, msg)
}

// drop reports whether an error at pos is dropped because the line
// already has one, and counts it; without AllErrors, it stops the parse
// when there are too many errors.
func (p *parser) drop(pos token.Pos) bool {
	if p.stopped {
		return true
	}
	if p.mode&AllErrors != 0 {
		return false
	}
	if line := p.info.Line(pos); line != p.errLine || len(p.errors) == 0 {
		if len(p.errors) >= maxErrors {
			p.stop()
			return true
		}
		return false
	}
	p.dropped++
	if p.dropped > maxDropped {
		p.stop()
	}
	return true
}

// keep adds an error without the same-line check.
func (p *parser) keep(pos token.Pos, msg string) {
	epos := p.info.Position(pos)
	p.columns++
	p.errLine = epos.Line
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
	return p.expectCloser(tok, opener, openPos, false)
}

// expectListEnd is expectClosing after a comma-separated list of n
// elements: when n > 0 the missing token may as well be a comma (`[a = 1
// b = 2]`), and the message says so.
func (p *parser) expectListEnd(tok, opener token.Token, openPos token.Pos, n int) token.Pos {
	return p.expectCloser(tok, opener, openPos, n > 0)
}

func (p *parser) expectCloser(tok, opener token.Token, openPos token.Pos, orComma bool) token.Pos {
	if p.tok == tok {
		pos := p.pos
		p.next()
		return pos
	}
	if p.tok == token.ILLEGAL || p.drop(p.pos) {
		// Reported already; do not count the opener's column for nothing.
		return p.missingPos()
	}
	verb := "to close"
	switch tok {
	case token.THEN, token.ELSE:
		verb = "for"
	}
	want := quote(tok)
	if orComma {
		want = "`,` or " + want
	}
	pos := p.missingPos()
	p.keep(p.pos, fmt.Sprintf("expected %s %s %s opened at %s, found %s", want, verb, quote(opener), p.lineCol(openPos), p.found()))
	return pos
}

func (p *parser) lineCol(pos token.Pos) string {
	pp := p.info.Position(pos)
	p.columns++
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

// excerpt quotes s in backticks, shortened to about 40 characters. It
// looks at no more than the first 41 characters of s, however long s is.
func excerpt(s string) string {
	n, cut := 0, 0
	for i := range s {
		if n == 37 {
			cut = i
		}
		if n == 40 {
			return "`" + s[:cut] + "...`"
		}
		n++
	}
	return "`" + s + "`"
}
