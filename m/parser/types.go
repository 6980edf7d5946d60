package parser

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// primitiveTypes are the spec's primitive-type names. They are contextual:
// outside a type they are ordinary identifiers (null and type are keywords).
var primitiveTypes = map[string]bool{
	"any": true, "anynonnull": true, "binary": true, "date": true, "datetime": true,
	"datetimezone": true, "duration": true, "function": true, "list": true, "logical": true,
	"none": true, "null": true, "number": true, "record": true, "table": true, "text": true,
	"time": true, "type": true,
}

// isPrimitiveAt reports whether token i names a primitive type.
func (p *parser) isPrimitiveAt(i int) bool {
	switch p.kindAt(i) {
	case token.NULL, token.TYPE:
		return true
	case token.IDENT:
		return primitiveTypes[p.textAt(i)]
	}
	return false
}

// parsePrimitiveType parses `nullable_opt primitive-type`, the only type
// allowed after as/is and in function literal signatures (after is the
// operator or keyword that introduced it, for messages). It returns nil
// after reporting an error.
func (p *parser) parsePrimitiveType(after token.Token) *ast.PrimitiveType {
	x := &ast.PrimitiveType{}
	if p.isWord("nullable") && p.isPrimitiveAt(p.i+1) {
		x.Nullable = p.pos
		p.next()
	}
	if !p.isPrimitiveAt(p.i) {
		if p.isWord("action") {
			p.error(p.pos, "`action` is not a primitive type of the M specification")
		} else {
			p.errorExpected("a primitive type (number, text, nullable date, ...) after " + quote(after))
		}
		return nil
	}
	x.NamePos, x.Name = p.pos, p.lit()
	p.next()
	return x
}

// parseTypeOperand parses the right operand of as/is.
func (p *parser) parseTypeOperand(op token.Token) ast.Expr {
	if t := p.parsePrimitiveType(op); t != nil {
		return t
	}
	return &ast.BadExpr{From: p.pos, To: p.pos}
}

// parsePrimaryType parses the primary-type after the `type` keyword:
// a primitive, record, list, function, table or nullable type. A
// parenthesized expression is not one (`type (X)` is invalid, while
// `type nullable (X)` is valid).
func (p *parser) parsePrimaryType() ast.Expr {
	if x := p.parseTypeForm(); x != nil {
		return x
	}
	p.errorExpected("a type after `type` (a primitive type, or a record, list, function, table or nullable type)")
	return &ast.BadExpr{From: p.pos, To: p.pos}
}

// parseType parses a type where the grammar's `type` is allowed (inside
// record and list types, after nullable, and in function types): a
// primary type or any primary expression (`type {Foo}`).
func (p *parser) parseType() ast.Expr {
	p.enter()
	x := p.parseTypeForm()
	if x == nil {
		x = p.parsePrimaryExpr()
	}
	p.leave()
	return x
}

// parseTypeForm parses a primary type, or returns nil when the current
// token does not start one.
func (p *parser) parseTypeForm() ast.Expr {
	switch p.tok {
	case token.LBRACK:
		return p.parseRecordType()
	case token.LBRACE:
		x := &ast.ListType{Lbrace: p.pos}
		p.next()
		x.Elem = p.parseType()
		x.Rbrace = p.expectClosing(token.RBRACE, token.LBRACE, x.Lbrace)
		return x
	case token.IDENT:
		switch p.lit() {
		case "function":
			if p.peek(1) == token.LPAREN {
				return p.parseFunctionType()
			}
		case "table":
			// The reference parser also takes a primary expression as the
			// row type (`type table Row`); so do we.
			switch p.peek(1) {
			case token.LBRACK, token.IDENT, token.AT, token.LPAREN:
				pos := p.pos
				p.next()
				var row ast.Expr
				if p.tok == token.LBRACK {
					rt := p.parseRecordType()
					if rt.Open.IsValid() {
						// row-type has no open-record-marker, and the
						// reference parser rejects it too.
						p.error(rt.Open, "a table type's row type cannot be open: remove `...`")
					}
					row = rt
				} else {
					row = p.parsePrimaryExpr()
				}
				return &ast.TableType{Table: pos, Row: row}
			}
		case "nullable":
			if p.isPrimitiveAt(p.i+1) && !p.startsTypeForm(p.i+1) {
				return p.parsePrimitiveType(token.TYPE)
			}
			if p.canStartType(p.i + 1) {
				pos := p.pos
				p.next()
				return &ast.NullableType{Nullable: pos, X: p.parseType()}
			}
		}
	}
	if p.isPrimitiveAt(p.i) {
		return p.parsePrimitiveType(token.TYPE)
	}
	return nil
}

// startsTypeForm reports whether token i is `function (` or `table` with a row.
func (p *parser) startsTypeForm(i int) bool {
	switch {
	case p.isWordAt(i, "function"):
		return p.kindAt(i+1) == token.LPAREN
	case p.isWordAt(i, "table"):
		switch p.kindAt(i + 1) {
		case token.LBRACK, token.IDENT, token.AT, token.LPAREN:
			return true
		}
	}
	return false
}

// canStartType reports whether token i can start the type after `nullable`.
func (p *parser) canStartType(i int) bool {
	switch p.kindAt(i) {
	case token.COMMA, token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON, token.EOF, token.EQL:
		return false
	}
	return true
}

// parseRecordType parses `[a = T, optional b, ...]`.
func (p *parser) parseRecordType() *ast.RecordType {
	x := &ast.RecordType{Lbrack: p.pos}
	p.next()
	if pos, ok := p.got(token.ELLIPSIS); ok {
		x.Open = pos
	} else if p.tok != token.RBRACK {
		for {
			x.Fields = append(x.Fields, p.parseFieldSpec())
			comma, ok := p.got(token.COMMA)
			if !ok {
				break
			}
			if pos, ok := p.got(token.ELLIPSIS); ok {
				x.Open = pos
				break
			}
			if p.tok == token.RBRACK {
				p.error(comma, "trailing comma is not allowed in a record type")
				break
			}
		}
	}
	n := len(x.Fields)
	if x.Open.IsValid() {
		n = 0 // nothing may follow `...`
	}
	x.Rbrack = p.expectListEnd(token.RBRACK, token.LBRACK, x.Lbrack, n)
	return x
}

// parseFieldSpec parses `optional_opt name (= T)_opt`.
func (p *parser) parseFieldSpec() *ast.FieldSpec {
	f := &ast.FieldSpec{}
	if p.isWord("optional") {
		switch p.peek(1) {
		case token.EQL, token.COMMA, token.RBRACK:
			// a field named optional
		default:
			f.Optional = p.pos
			p.next()
		}
	}
	f.Name = p.parseFieldName()
	if _, ok := p.got(token.EQL); ok {
		f.Type = p.parseType()
	}
	return f
}

// parseFunctionType parses `function (x as T, optional y as U) as R`.
func (p *parser) parseFunctionType() *ast.FunctionType {
	x := &ast.FunctionType{Function: p.pos}
	p.next()
	x.Lparen = p.pos
	p.next()
	x.Params = parseCommaList(p, token.RPAREN, "a parameter list", func() *ast.Param {
		par := p.parseParamName()
		p.expect(token.AS, " and a type after a function type's parameter name")
		par.Type = p.parseType()
		return par
	})
	checkOptionalLast(p, x.Params)
	x.Rparen = p.expectListEnd(token.RPAREN, token.LPAREN, x.Lparen, len(x.Params))
	if p.tok != token.AS {
		p.errorExpected("`as` and a return type: a function type needs one")
		x.Return = &ast.BadExpr{From: p.pos, To: p.pos}
		return x
	}
	p.next()
	x.Return = p.parseType()
	return x
}
