package parser

import (
	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// parseExpr parses an expression: one of the expression-level forms
// (each, let, if, error, try, function literal) or an operator expression.
func (p *parser) parseExpr() ast.Expr {
	p.enter()
	x := p.parseForm()
	if x == nil {
		x = p.parseBinary(1)
	}
	p.leave()
	return x
}

// parseForm parses an expression-level form, or returns nil when the
// current token does not start one.
func (p *parser) parseForm() ast.Expr {
	switch p.tok {
	case token.EACH:
		pos := p.pos
		p.next()
		return &ast.EachExpr{Each: pos, Body: p.parseExpr()}
	case token.LET:
		return p.parseLet()
	case token.IF:
		return p.parseIf()
	case token.ERROR:
		pos := p.pos
		p.next()
		return &ast.ErrorExpr{Error: pos, X: p.parseExpr()}
	case token.TRY:
		return p.parseTry()
	case token.LPAREN:
		if p.isFuncLit() {
			return p.parseFuncLit()
		}
	}
	return nil
}

// parseBinary parses a chain of binary operators whose precedence is at
// least prec1, building left-nested trees (`??` nests to the right, as
// in the reference parser; it evaluates the same). It recurses once per
// precedence level, never once per operator, and keeps p.chain up to date
// (see MaxChain).
func (p *parser) parseBinary(prec1 int) ast.Expr {
	outer := p.chain
	p.chain = 0
	x := p.parseUnary()
	d := p.chain // operator depth of x
	for {
		op := p.tok
		oprec := op.Precedence()
		if oprec < prec1 {
			p.chain = max(outer, d)
			return x
		}
		opPos := p.pos
		p.next()
		switch op {
		case token.AS, token.IS:
			// The right operand is only nullable_opt primitive-type, and
			// the result cannot be an operand of a tighter operator.
			x = &ast.BinaryExpr{X: x, OpPos: opPos, Op: op, Y: p.parseTypeOperand(op)}
			d = p.deeper(d, 0, opPos)
			if next := p.tok; next.Precedence() > oprec {
				p.errorf(p.pos, "the result of %s cannot be the left operand of %s; add parentheses", quote(op), quote(next))
			}
			continue
		case token.COALESCE:
			var y ast.Expr
			y, d = p.parseCoalesce(x, opPos, d)
			x = y
			continue
		}
		p.chain = 0
		y := p.parseBinary(oprec + 1)
		d = p.deeper(d, p.chain, opPos)
		x = &ast.BinaryExpr{X: x, OpPos: opPos, Op: op, Y: y}
		if op == token.META && p.tok == token.META {
			p.error(p.pos, "`meta` cannot be chained; write (x meta a) meta b")
		}
	}
}

// parseCoalesce parses the rest of `x ?? a ?? b ...` after the first
// `??` (at opPos), with a loop, and folds it to the right:
// (?? x (?? a b)). dx is the operator depth of x; it returns the tree
// and its operator depth.
func (p *parser) parseCoalesce(x ast.Expr, opPos token.Pos, dx int) (ast.Expr, int) {
	prec := token.COALESCE.Precedence()
	ops := []token.Pos{opPos}
	var operands []ast.Expr
	var depths []int
	for {
		p.chain = 0
		operands = append(operands, p.parseBinary(prec+1))
		depths = append(depths, p.chain)
		if p.tok != token.COALESCE {
			break
		}
		if len(ops) >= MaxChain {
			p.chainTooLong(p.pos)
		}
		ops = append(ops, p.pos)
		p.next()
	}
	y, d := operands[len(operands)-1], depths[len(depths)-1]
	for i := len(operands) - 2; i >= 0; i-- {
		d = p.deeper(max(d, depths[i]), 0, ops[i+1])
		y = &ast.BinaryExpr{X: operands[i], OpPos: ops[i+1], Op: token.COALESCE, Y: y}
	}
	return &ast.BinaryExpr{X: x, OpPos: opPos, Op: token.COALESCE, Y: y}, p.deeper(dx, d, opPos)
}

// deeper returns the operator depth of a node (an operator, call or
// selection at pos) whose operands have depths a and b, and stops the
// parse when it exceeds MaxChain.
func (p *parser) deeper(a, b int, pos token.Pos) int {
	d := max(a, b) + 1
	if d > MaxChain {
		p.chainTooLong(pos)
	}
	return d
}

// parseUnary parses `+ x`, `- x`, `not x`, `type T` or a primary
// expression with its postfix selectors and calls.
func (p *parser) parseUnary() ast.Expr {
	switch p.tok {
	case token.ADD, token.SUB, token.NOT:
		pos, op := p.pos, p.tok
		p.next()
		p.enter()
		x := p.parseUnary()
		p.leave()
		return &ast.UnaryExpr{OpPos: pos, Op: op, X: x}
	case token.TYPE:
		pos := p.pos
		p.next()
		return &ast.TypeExpr{Type: pos, X: p.parsePrimaryType()}
	}
	return p.parsePrimaryExpr()
}

// parsePrimaryExpr parses an operand followed by any number of calls,
// item accesses, field selections and projections.
func (p *parser) parsePrimaryExpr() ast.Expr {
	outer := p.chain
	p.chain = 0
	x := p.parseOperand()
	d := p.chain // operator depth of x; calls and selections count as operators
	for {
		pos := p.pos
		p.chain = 0
		switch p.tok {
		case token.LPAREN:
			x = p.parseCall(x)
		case token.LBRACE:
			lbrace := p.pos
			p.next()
			index := p.parseExpr()
			rbrace := p.expectClosing(token.RBRACE, token.LBRACE, lbrace)
			q, _ := p.got(token.QUESTION)
			x = &ast.ItemAccessExpr{X: x, Lbrace: lbrace, Index: index, Rbrace: rbrace, Question: q}
		case token.LBRACK:
			if p.peek(1) == token.LBRACK {
				x = p.parseProjection(x)
			} else {
				x = p.parseFieldAccess(x, true)
			}
		default:
			p.chain = max(outer, d)
			return x
		}
		d = p.deeper(d, p.chain, pos)
	}
}

// parseOperand parses a primary expression without postfix parts.
func (p *parser) parseOperand() ast.Expr {
	pos := p.pos
	switch p.tok {
	case token.IDENT:
		id := p.parseIdent()
		if p.tok == token.BANG {
			bang := p.pos
			p.next()
			return &ast.SectionAccessExpr{Section: id, Bang: bang, Member: p.parseName("member name after `!`")}
		}
		return id
	case token.AT:
		p.next()
		if p.tok != token.IDENT {
			p.errorExpected("identifier after `@`")
			return &ast.BadExpr{From: pos, To: p.pos}
		}
		id := p.parseIdent()
		id.At = pos
		return id
	case token.NUMBER, token.TEXT, token.VERBATIM, token.TRUE, token.FALSE, token.NULL, token.HASH_INFINITY, token.HASH_NAN:
		return p.parseBasicLit()
	case token.HASH_BINARY, token.HASH_DATE, token.HASH_DATETIME, token.HASH_DATETIMEZONE, token.HASH_DURATION,
		token.HASH_SECTIONS, token.HASH_SHARED, token.HASH_TABLE, token.HASH_TIME:
		x := &ast.HashIdent{NamePos: pos, Tok: p.tok}
		p.next()
		return x
	case token.LBRACE:
		return p.parseList()
	case token.LBRACK:
		switch p.bracketKind() {
		case token.EQL:
			return p.parseRecord(p.parseExpr)
		case token.LBRACK:
			return p.parseProjection(nil)
		}
		return p.parseFieldAccess(nil, true)
	case token.LPAREN:
		if p.isFuncLit() {
			p.error(pos, "a function literal cannot be an operand; put it in parentheses")
			return p.parseFuncLit()
		}
		p.next()
		x := p.parseExpr()
		return &ast.ParenExpr{Lparen: pos, X: x, Rparen: p.expectClosing(token.RPAREN, token.LPAREN, pos)}
	case token.ELLIPSIS:
		p.next()
		return &ast.NotImplementedExpr{Ellipsis: pos}
	case token.EACH, token.LET, token.IF, token.TRY, token.ERROR:
		p.errorf(pos, "%s expression cannot be an operand; put it in parentheses", quote(p.tok))
		return p.parseForm()
	}
	p.errorExpected("expression")
	switch p.tok {
	case token.RPAREN, token.RBRACK, token.RBRACE, token.COMMA, token.SEMICOLON, token.EOF,
		token.IN, token.THEN, token.ELSE, token.OTHERWISE:
	default:
		p.next() // make progress
	}
	return &ast.BadExpr{From: pos, To: pos}
}

func (p *parser) parseBasicLit() *ast.BasicLit {
	raw := p.lit()
	x := &ast.BasicLit{ValuePos: p.pos, Kind: p.tok, Raw: raw, Value: raw}
	if p.tok == token.TEXT || p.tok == token.VERBATIM {
		x.Value = scanner.Decode(raw)
	}
	p.next()
	return x
}

// bracketKind decides what the `[` at the current token opens: EQL for a
// record, LBRACK for an implicit projection, RBRACK for an implicit field
// selection. `[]` is a record, `[[` a projection; otherwise the first `=`
// or `]` outside nested brackets decides.
func (p *parser) bracketKind() token.Token {
	switch p.peek(1) {
	case token.RBRACK:
		return token.EQL
	case token.LBRACK:
		return token.LBRACK
	}
	for j := p.i + 1; j < len(p.toks); j++ {
		switch t := p.toks[j]; t.kind {
		case token.EQL, token.EOF, token.COMMA:
			return token.EQL
		case token.RBRACK:
			return token.RBRACK
		case token.LPAREN, token.LBRACK, token.LBRACE:
			if t.match < 0 {
				return token.EQL
			}
			j = int(t.match)
		}
	}
	return token.EQL
}

// parseList parses `{ item, ... }` where an item may be a range `a..b`.
func (p *parser) parseList() *ast.ListExpr {
	x := &ast.ListExpr{Lbrace: p.pos}
	p.next()
	x.Items = parseCommaList(p, token.RBRACE, "a list", func() ast.Expr {
		item := p.parseExpr()
		if dots, ok := p.got(token.DOTDOT); ok {
			return &ast.RangeExpr{From: item, Dots: dots, To: p.parseExpr()}
		}
		return item
	})
	x.Rbrace = p.expectListEnd(token.RBRACE, token.LBRACE, x.Lbrace, len(x.Items))
	return x
}

// parseRecord parses `[ name = value, ... ]` with value parsing each
// value (expressions, or only literals in literal attributes).
func (p *parser) parseRecord(value func() ast.Expr) *ast.RecordExpr {
	x := &ast.RecordExpr{Lbrack: p.pos}
	p.next()
	x.Fields = parseCommaList(p, token.RBRACK, "a record", func() *ast.Field {
		f := &ast.Field{Name: p.parseFieldName()}
		f.Assign = p.expect(token.EQL, " after field name")
		f.Value = value()
		return f
	})
	x.Rbrack = p.expectListEnd(token.RBRACK, token.LBRACK, x.Lbrack, len(x.Fields))
	return x
}

// parseCommaList parses `elem, elem, ...` up to (not including) the
// closing token, rejecting a trailing comma.
func parseCommaList[T any](p *parser, closing token.Token, what string, elem func() T) []T {
	if p.tok == closing {
		return nil
	}
	var list []T
	for {
		list = append(list, elem())
		comma, ok := p.got(token.COMMA)
		if !ok {
			return list
		}
		if p.tok == closing {
			p.errorf(comma, "trailing comma is not allowed in %s", what)
			return list
		}
	}
}

// parseCall parses the argument list of a call of fun.
func (p *parser) parseCall(fun ast.Expr) *ast.CallExpr {
	x := &ast.CallExpr{Fun: fun, Lparen: p.pos}
	p.next()
	x.Args = parseCommaList(p, token.RPAREN, "an argument list", p.parseExpr)
	x.Rparen = p.expectListEnd(token.RPAREN, token.LPAREN, x.Lparen, len(x.Args))
	return x
}

// parseFieldAccess parses `[name]` or `[name]?` after x (nil for the
// implicit target _).
func (p *parser) parseFieldAccess(x ast.Expr, optional bool) *ast.FieldAccessExpr {
	sel := &ast.FieldAccessExpr{X: x, Lbrack: p.pos}
	p.next()
	sel.Name = p.parseFieldName()
	sel.Rbrack = p.expectClosing(token.RBRACK, token.LBRACK, sel.Lbrack)
	if optional {
		sel.Question, _ = p.got(token.QUESTION)
	}
	return sel
}

// parseProjection parses `[[a], [b]]` or `[[a]]?` after x (nil for _).
func (p *parser) parseProjection(x ast.Expr) *ast.ProjectionExpr {
	proj := &ast.ProjectionExpr{X: x, Lbrack: p.pos}
	p.next()
	proj.Fields = parseCommaList(p, token.RBRACK, "a projection", func() *ast.FieldAccessExpr {
		if p.tok != token.LBRACK {
			p.errorExpected("`[` to start a field selector in a projection")
			pos := p.missingPos()
			return &ast.FieldAccessExpr{Lbrack: pos, Name: &ast.Ident{NamePos: pos}, Rbrack: pos}
		}
		return p.parseFieldAccess(nil, false)
	})
	proj.Rbrack = p.expectListEnd(token.RBRACK, token.LBRACK, proj.Lbrack, len(proj.Fields))
	proj.Question, _ = p.got(token.QUESTION)
	return proj
}

// parseLet parses `let name = value, ... in body`.
func (p *parser) parseLet() *ast.LetExpr {
	x := &ast.LetExpr{Let: p.pos}
	p.next()
	x.Bindings = parseCommaList(p, token.IN, "a let", func() *ast.Field {
		f := &ast.Field{Name: p.parseName("variable name")}
		f.Assign = p.expect(token.EQL, " after variable name")
		f.Value = p.parseExpr()
		return f
	})
	if len(x.Bindings) == 0 {
		p.errorExpected("variable name after `let`")
	}
	x.In = p.expectListEnd(token.IN, token.LET, x.Let, len(x.Bindings))
	x.Body = p.parseExpr()
	return x
}

// parseIf parses `if c then a else b`.
func (p *parser) parseIf() *ast.IfExpr {
	x := &ast.IfExpr{If: p.pos}
	p.next()
	x.Cond = p.parseExpr()
	x.ThenPos = p.expectClosing(token.THEN, token.IF, x.If)
	x.Then = p.parseExpr()
	x.ElsePos = p.expectClosing(token.ELSE, token.IF, x.If)
	x.Else = p.parseExpr()
	return x
}

// parseTry parses `try x`, `try x otherwise d` and `try x catch (e) => b`.
func (p *parser) parseTry() *ast.TryExpr {
	x := &ast.TryExpr{Try: p.pos}
	p.next()
	x.X = p.parseExpr()
	switch {
	case p.tok == token.OTHERWISE:
		x.Otherwise = p.pos
		p.next()
		x.Default = p.parseExpr()
	case p.isWord("catch"):
		x.Catch = p.pos
		p.next()
		x.CatchFn = p.parseCatchFunc()
	}
	return x
}

// parseCatchFunc parses `(e) => body` or `() => body`: at most one
// parameter, no types.
func (p *parser) parseCatchFunc() *ast.FuncLit {
	fn := &ast.FuncLit{Lparen: p.pos}
	if p.tok != token.LPAREN {
		p.errorExpected("`(` after `catch` (a catch function is written (e) => body)")
		fn.Rparen, fn.Arrow = p.pos, p.pos
		fn.Body = p.parseExpr()
		return fn
	}
	open := p.i
	p.next()
	if p.tok == token.IDENT {
		fn.Params = []*ast.Param{{Name: p.parseIdent()}}
	}
	if p.tok != token.RPAREN {
		switch p.tok {
		case token.AS:
			p.error(p.pos, "the parameter of a catch function cannot have a type")
		case token.COMMA:
			p.error(p.pos, "a catch function takes at most one parameter")
		default:
			p.errorExpected("`)` after the catch function's parameter")
		}
		if m := p.toks[open].match; m > 0 {
			p.setCurrent(int(m))
		}
	}
	fn.Rparen = p.pos
	p.got(token.RPAREN)
	if p.tok == token.AS {
		p.error(p.pos, "a catch function cannot have a return type")
		p.next()
		p.parsePrimitiveType(token.AS)
	}
	fn.Arrow = p.expect(token.ARROW, " after the catch function's parameters")
	fn.Body = p.parseExpr()
	return fn
}

// isFuncLit reports whether the `(` at the current token starts a
// function literal: its `)` is followed by `=>` or by a return type
// `as nullable_opt primitive-type =>`.
func (p *parser) isFuncLit() bool {
	m := int(p.toks[p.i].match)
	if m < 0 {
		return false
	}
	switch p.kindAt(m + 1) {
	case token.ARROW:
		return true
	case token.AS:
		j := m + 2
		if p.isWordAt(j, "nullable") {
			j++
		}
		return p.isPrimitiveAt(j) && p.kindAt(j+1) == token.ARROW
	}
	return false
}

func (p *parser) kindAt(i int) token.Token {
	if i < len(p.toks) {
		return p.toks[i].kind
	}
	return token.EOF
}

// parseFuncLit parses `(params) as T => body`.
func (p *parser) parseFuncLit() *ast.FuncLit {
	fn := &ast.FuncLit{Lparen: p.pos}
	open := p.i
	p.next()
	fn.Params = parseCommaList(p, token.RPAREN, "a parameter list", func() *ast.Param {
		par := p.parseParamName()
		if p.tok == token.AS {
			p.next()
			if t := p.parsePrimitiveType(token.AS); t != nil {
				par.Type = t
			}
		}
		return par
	})
	checkOptionalLast(p, fn.Params)
	if p.tok != token.RPAREN {
		p.errorExpected("`,` or `)` in the parameter list")
		p.setCurrent(int(p.toks[open].match)) // isFuncLit checked it exists
	}
	fn.Rparen = p.pos
	p.next()
	if p.tok == token.AS {
		p.next()
		fn.ReturnType = p.parsePrimitiveType(token.AS)
	}
	fn.Arrow = p.expect(token.ARROW, " after the parameter list")
	fn.Body = p.parseExpr()
	return fn
}

// parseParamName parses `optional_opt name` of a parameter.
func (p *parser) parseParamName() *ast.Param {
	par := &ast.Param{}
	if p.isWord("optional") && p.peek(1) == token.IDENT {
		par.Optional = p.pos
		p.next()
	}
	par.Name = p.parseName("parameter name")
	return par
}

// checkOptionalLast reports a required parameter after an optional one.
func checkOptionalLast(p *parser, params []*ast.Param) {
	seenOptional := false
	for _, par := range params {
		if par.IsOptional() {
			seenOptional = true
		} else if seenOptional {
			p.errorf(par.Pos(), "required parameter %s cannot follow an optional parameter", excerpt(par.Name.Name))
			return
		}
	}
}
