package parser

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// parseDocument parses a section document or an expression document. The
// kind is decided up front: a document is a section document when its
// first token, after an optional balanced `[...]`, is `section`.
func (p *parser) parseDocument() {
	if p.tok == token.EOF {
		p.error(p.pos, "empty document: expected an expression or a section")
		return
	}
	if i := p.sectionIndex(); i >= 0 {
		p.parseSection(i)
		return
	}
	p.file.Expr = p.parseExpr()
	if p.tok != token.EOF {
		switch p.tok {
		case token.SEMICOLON:
			p.errorExpected("end of file (an expression document has no trailing `;`, and members need a `section` header)")
		case token.SECTION:
			p.errorExpected("end of file (`section` must come first, after optional literal attributes)")
		default:
			p.errorExpected("end of file")
		}
	}
}

// sectionIndex returns the index of the `section` keyword of a section
// document, or -1 for an expression document.
func (p *parser) sectionIndex() int {
	i := 0
	if p.tok == token.LBRACK {
		i = int(p.toks[0].match) + 1
		if i == 0 {
			return -1
		}
	}
	if p.kindAt(i) != token.SECTION {
		return -1
	}
	return i
}

// parseSection parses `[attrs] section Name; members`; keyword is the
// index of the `section` token.
func (p *parser) parseSection(keyword int) {
	sec := &ast.Section{Keyword: token.PosOf(int(p.toks[keyword].off)), EndPos: p.endPos(keyword)}
	p.file.Section = sec // kept even when a later error stops the parse
	if p.tok == token.LBRACK {
		sec.Attrs = p.parseLiteralRecord()
	}
	p.setCurrent(keyword + 1) // also after an error inside the attributes
	if p.tok == token.IDENT {
		sec.Name = p.parseIdent()
		sec.EndPos = sec.Name.End()
	} else {
		p.errorExpected("section name after `section`")
	}
	if pos, ok := p.got(token.SEMICOLON); ok {
		sec.Semi = pos
		sec.EndPos = pos + 1
	} else {
		p.errorExpected("`;` after the section name")
	}
	for p.tok != token.EOF {
		if p.tok == token.SECTION {
			p.error(p.pos, "a document can contain only one section")
			return
		}
		start := p.i
		m := p.parseMember()
		sec.Members = append(sec.Members, m)
		sec.EndPos = m.End()
		if p.i == start {
			p.next() // make progress
		}
	}
}

// parseMember parses `[attrs] shared_opt Name = value;`.
func (p *parser) parseMember() *ast.Member {
	m := &ast.Member{}
	if p.tok == token.LBRACK {
		m.Attrs = p.parseLiteralRecord()
	}
	m.Shared, _ = p.got(token.SHARED)
	m.Name = p.parseName("member name")
	m.Assign = p.expect(token.EQL, " after the member name")
	m.Value = p.parseExpr()
	if pos, ok := p.got(token.SEMICOLON); ok {
		m.Semi = pos
		return m
	}
	p.errorExpected("`;` after the value of member " + excerpt(m.Name.Name))
	// Resynchronize at the next `;` outside brackets.
	for p.tok != token.SEMICOLON && p.tok != token.EOF {
		if p.tok == token.LPAREN || p.tok == token.LBRACK || p.tok == token.LBRACE {
			if mt := p.toks[p.i].match; mt > 0 {
				p.setCurrent(int(mt))
			}
		}
		p.next()
	}
	p.got(token.SEMICOLON)
	return m
}

// parseLiteralRecord parses literal attributes: `[name = literal, ...]`
// whose values are only record, list, text, number, logical and null
// literals (and #infinity and #nan, as the reference parser allows).
func (p *parser) parseLiteralRecord() *ast.RecordExpr { return p.parseRecord(p.parseAnyLiteral) }

func (p *parser) parseAnyLiteral() ast.Expr {
	p.enter()
	defer p.leave()
	var x ast.Expr
	switch p.tok {
	case token.LBRACK:
		x = p.parseLiteralRecord()
	case token.LBRACE:
		l := &ast.ListExpr{Lbrace: p.pos}
		p.next()
		l.Items = parseCommaList(p, token.RBRACE, "a list", p.parseAnyLiteral)
		l.Rbrace = p.expectListEnd(token.RBRACE, token.LBRACE, l.Lbrace, len(l.Items))
		x = l
	case token.TEXT, token.NUMBER, token.TRUE, token.FALSE, token.NULL, token.HASH_INFINITY, token.HASH_NAN:
		x = p.parseBasicLit()
	default:
		p.errorExpected("a literal (literal attributes allow only text, number, logical, null, record and list literals)")
		return &ast.BadExpr{From: p.pos, To: p.pos}
	}
	switch p.tok {
	case token.COMMA, token.RBRACK, token.RBRACE:
	default:
		p.errorExpected("`,` or `]` (literal attributes allow only literals, not expressions)")
	}
	return x
}
