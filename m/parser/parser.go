// Package parser implements a parser for Power Query M documents. Input
// may be a section document or an expression document; the output is an
// abstract syntax tree (package ast) plus a list of syntax errors.
//
// The source is scanned completely before parsing, into a compact token
// array in which every bracket knows its partner. The two ambiguous
// brackets of M, `(` (function or parenthesized expression) and `[`
// (record, field selection or projection), and the document kind are then
// decided by looking ahead in constant time, so parsing is linear in the
// size of the input.
package parser

import (
	"fmt"
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// Mode controls optional parser behaviour. The zero Mode collects
// comments and stops after about 10 errors.
type Mode uint

const (
	// SkipComments leaves ast.File.Comments empty.
	SkipComments Mode = 1 << iota
	// AllErrors reports every error, not only the first 10 and the
	// first of each line.
	AllErrors
)

// MaxDepth is how deeply expressions may nest. Deeper input is rejected
// with an error instead of growing the stack without bound.
const MaxDepth = 5000

// MaxChain is how deeply operators, calls, item accesses and field
// selections may nest: a chain such as `a + a + ... + a` or `f(1)(2)...`
// builds a tree one level deeper per operator, so a chain of more than
// MaxChain operators is rejected with an error. Together with MaxDepth
// this bounds the depth of every tree, so that code walking it
// recursively cannot exhaust the stack.
const MaxChain = 100000

// maxErrors is how many errors are collected before parsing stops;
// maxDropped is how many further errors on lines that already have one
// are ignored before it stops (without AllErrors).
const (
	maxErrors  = 10
	maxDropped = 1000
)

// ParseFile parses the M document src. It returns the syntax tree (partial
// when there are errors, never nil) and, when there are syntax errors, a
// scanner.ErrorList sorted by position. name is used in positions.
func ParseFile(name string, src []byte, mode Mode) (f *ast.File, err error) {
	p := parse(name, src, mode)
	return p.file, p.errors.Err()
}

// parse parses src and returns the parser, whose file and errors are the
// result (tests look at its counters too).
func parse(name string, src []byte, mode Mode) (p *parser) {
	p = new(parser)
	p.init(name, src, mode)
	defer func() {
		if e := recover(); e != nil {
			// A bug of ours: say so at the start of the file rather than
			// take the caller down with it.
			p.errors.Add(p.file.Info.Position(token.PosOf(0)), fmt.Sprintf("internal error in the M parser: %v (please report it)", e))
		}
		p.errors.Sort()
		if mode&AllErrors == 0 {
			p.errors.RemoveMultiples()
			if len(p.errors) > maxErrors {
				p.errors = p.errors[:maxErrors]
			}
		}
	}()
	if !p.tokenize() {
		return p // nothing worth parsing: the errors say why
	}
	if n := len(p.errors); n > 0 {
		p.errLine = p.errors[n-1].Pos.Line // a parse error on the line of a scanner error is a follow-on error
	}
	p.parseDocument()
	return p
}

// stop ends the parse after too many errors or too deep nesting: the
// parser jumps to the end of the file, where every production returns at
// once, and records no more errors. The tree built so far stays.
func (p *parser) stop() {
	p.stopped = true
	p.setCurrent(len(p.toks) - 1)
}

// tok is one scanned token. Offsets are int32 to keep the array small:
// inputs are limited to 2 GB.
type tok struct {
	off, end int32
	match    int32 // index of the partner bracket, or -1
	kind     token.Token
}

type parser struct {
	file   *ast.File
	info   *token.File
	src    string // the source, shared by every name and literal in the tree
	bsrc   []byte // the source as given
	mode   Mode
	errors scanner.ErrorList

	toks []tok
	i    int         // index of the current token
	tok  token.Token // kind of the current token
	pos  token.Pos   // position of the current token

	depth   int // expression nesting
	errLine int // line of the last error kept
	dropped int // errors dropped because their line had one already
	columns int // positions computed for errors (for tests: it must stay small)

	chain int // operator depth of the expressions parsed since it was reset (see parseBinary)

	stopped bool // see stop
}

func (p *parser) init(name string, src []byte, mode Mode) {
	p.info = token.NewFile(name, src)
	p.src = string(src)
	p.bsrc = src
	p.mode = mode
	p.file = &ast.File{
		Name: name,
		BOM:  len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF,
		EOF:  token.PosOf(len(src)),
		Info: p.info,
	}
}

// tokenize scans the whole source into p.toks, collects comments and links
// matching brackets. It reports false when the source is not worth
// parsing: too large, UTF-16, or too many scanner errors.
func (p *parser) tokenize() bool {
	if len(p.src) > 1<<31-2 {
		p.errors.Add(p.info.OffsetPosition(0), "file too large (more than 2 GB)")
		return false
	}
	if len(p.src) >= 2 && (p.src[:2] == "\xFF\xFE" || p.src[:2] == "\xFE\xFF") {
		// A UTF-16 byte order mark. The reference parser decodes such
		// files; we do not, since every position we report is a UTF-8
		// offset, and Power Query SDK files are UTF-8.
		p.errors.Add(p.info.OffsetPosition(0), "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
		return false
	}
	var s scanner.Scanner
	tooMany := false
	s.Init(p.info, p.bsrc, func(pos token.Position, msg string) {
		p.errors.Add(pos, msg)
		tooMany = tooMany || len(p.errors) > maxErrors && p.mode&AllErrors == 0
	}, scanner.ScanComments)
	p.toks = make([]tok, 0, len(p.src)/5+2)
	var open []int32 // indexes of unclosed brackets
	for {
		pos, end, kind := s.ScanSpan()
		if tooMany {
			return false
		}
		if kind == token.COMMENT {
			if p.mode&SkipComments == 0 {
				text := p.src[pos.Offset():end.Offset()]
				p.file.Comments = append(p.file.Comments, &ast.Comment{Slash: pos, Text: text, Block: text[1] == '*'})
			}
			continue
		}
		idx := int32(len(p.toks))
		p.toks = append(p.toks, tok{off: int32(pos.Offset()), end: int32(end.Offset()), match: -1, kind: kind})
		switch kind {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, idx)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if n := len(open); n > 0 && closerOf(p.toks[open[n-1]].kind) == kind {
				p.toks[open[n-1]].match = idx
				p.toks[idx].match = open[n-1]
				open = open[:n-1]
			}
		case token.EOF:
			p.setCurrent(0)
			return true
		}
	}
}

func closerOf(open token.Token) token.Token {
	switch open {
	case token.LPAREN:
		return token.RPAREN
	case token.LBRACK:
		return token.RBRACK
	case token.LBRACE:
		return token.RBRACE
	}
	return token.ILLEGAL
}

// ----------------------------------------------------------------------------
// Token access

func (p *parser) setCurrent(i int) {
	if i >= len(p.toks) {
		i = len(p.toks) - 1 // the EOF token
	}
	p.i = i
	p.tok = p.toks[i].kind
	p.pos = token.PosOf(int(p.toks[i].off))
}

// next advances to the next token; at EOF it stays there.
func (p *parser) next() { p.setCurrent(p.i + 1) }

// peek returns the kind of the token n places ahead.
func (p *parser) peek(n int) token.Token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n].kind
	}
	return token.EOF
}

// text returns the source text of the token at index i.
func (p *parser) textAt(i int) string {
	if i >= len(p.toks) {
		return ""
	}
	return p.src[p.toks[i].off:p.toks[i].end]
}

// lit returns the source text of the current token.
func (p *parser) lit() string { return p.textAt(p.i) }

// endPos returns the end of the token at index i.
func (p *parser) endPos(i int) token.Pos { return token.PosOf(int(p.toks[i].end)) }

// isWord reports whether the current token is the unquoted identifier w
// (a contextual word such as optional, nullable or catch).
func (p *parser) isWord(w string) bool { return p.tok == token.IDENT && p.lit() == w }

func (p *parser) isWordAt(i int, w string) bool {
	return i < len(p.toks) && p.toks[i].kind == token.IDENT && p.textAt(i) == w
}

// got consumes the current token if it is tok.
func (p *parser) got(tok token.Token) (token.Pos, bool) {
	if p.tok == tok {
		pos := p.pos
		p.next()
		return pos, true
	}
	return token.NoPos, false
}

// enter counts one level of nesting; leave undoes it.
func (p *parser) enter() {
	p.depth++
	if p.depth > MaxDepth && !p.stopped {
		p.errors.Add(p.info.Position(p.pos), nestingMessage)
		p.stop()
	}
}

func (p *parser) leave() { p.depth-- }

// chainTooLong stops the parse at an operator that makes a chain longer
// than MaxChain.
func (p *parser) chainTooLong(pos token.Pos) {
	if !p.stopped {
		p.errors.Add(p.info.Position(pos), chainMessage)
		p.stop()
	}
}
