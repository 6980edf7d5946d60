package parser

import (
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// parseIdent turns the current IDENT token into an Ident.
func (p *parser) parseIdent() *ast.Ident {
	raw := p.lit()
	id := &ast.Ident{NamePos: p.pos, Raw: raw, Name: raw}
	if strings.HasPrefix(raw, "#") {
		id.Quoted = true
		id.Name = scanner.Decode(raw)
	}
	p.next()
	return id
}

// parseName parses a regular or quoted identifier where one is required
// (variables, parameters, members). On error it returns an empty Ident at
// the current position without consuming anything.
func (p *parser) parseName(what string) *ast.Ident {
	if p.tok == token.IDENT {
		return p.parseIdent()
	}
	if p.tok.IsKeyword() && !p.tok.IsHashKeyword() {
		p.errorf(p.pos, "expected %s, found keyword %s (write #\"%s\" to use it as a name)", what, quote(p.tok), p.tok)
	} else {
		p.errorExpected(what)
	}
	return &ast.Ident{NamePos: p.pos}
}

// parseFieldName parses a field name: a quoted identifier or a
// generalized identifier (Base Line, Documentation.Name, 1st Place, each).
// A generalized identifier is not one token, so it is rebuilt from the
// source between the first and last of its tokens, which must be
// identifiers, keywords or numbers separated only by blanks (U+0020).
func (p *parser) parseFieldName() *ast.Ident {
	if p.tok == token.IDENT && p.src[p.toks[p.i].off] == '#' {
		return p.parseIdent()
	}
	first := p.i
	for p.isNamePart() {
		if p.i > first {
			gap := p.src[p.toks[p.i-1].end:p.toks[p.i].off]
			if strings.Trim(gap, " ") != "" {
				p.error(p.pos, "parts of a field name can be separated only by spaces")
				break
			}
		}
		p.next()
	}
	if p.i == first {
		p.errorExpected("field name")
		return &ast.Ident{NamePos: p.pos}
	}
	start := token.PosOf(int(p.toks[first].off))
	raw := p.src[p.toks[first].off:p.toks[p.i-1].end]
	if !scanner.IsGeneralizedIdentifier(raw) {
		p.errorf(start, "invalid field name %s: each word must start with a letter or '_' (after optional digits)", excerpt(raw))
	}
	return &ast.Ident{NamePos: start, Raw: raw, Name: raw}
}

// isNamePart reports whether the current token can be part of a
// generalized identifier.
func (p *parser) isNamePart() bool {
	switch {
	case p.tok == token.IDENT:
		return p.src[p.toks[p.i].off] != '#'
	case p.tok == token.NUMBER:
		return true
	}
	return p.tok.IsKeyword() && !p.tok.IsHashKeyword()
}
