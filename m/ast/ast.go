// Package ast declares the syntax tree of Power Query M documents.
//
// Every node records where it starts and ends (Pos, End: End is the offset
// just past the node). Names and text literals carry both their raw source
// and their decoded value, so the rules never re-parse source text.
package ast

import "github.com/pqcert/pqcert/m/token"

// Node is any node of the tree.
type Node interface {
	Pos() token.Pos // first character of the node
	End() token.Pos // first character after the node
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// ----------------------------------------------------------------------------
// Documents and sections

// File is one parsed M document: a section document (Section != nil) or an
// expression document (Expr != nil). After errors either may be partial.
type File struct {
	Name     string
	Section  *Section
	Expr     Expr
	Comments []*Comment // every comment, in source order
	BOM      bool       // the source started with a UTF-8 BOM
	EOF      token.Pos  // end of the source
	Info     *token.File
}

// Pos returns the start of the document's first node.
func (f *File) Pos() token.Pos {
	if f.Section != nil {
		return f.Section.Pos()
	}
	if f.Expr != nil {
		return f.Expr.Pos()
	}
	return token.NoPos
}

// End returns the end of the source.
func (f *File) End() token.Pos { return f.EOF }

// IsSection reports whether the file is a section document.
func (f *File) IsSection() bool { return f.Section != nil }

// Comment is a // line comment or a /* delimited */ comment.
type Comment struct {
	Slash token.Pos // the first '/'
	Text  string    // raw text, including the comment markers, without the line ending
	Block bool      // a /* delimited */ comment
}

func (c *Comment) Pos() token.Pos { return c.Slash }
func (c *Comment) End() token.Pos { return c.Slash + token.Pos(len(c.Text)) }

// Section is `[attrs] section Name; members`.
type Section struct {
	Attrs   *RecordExpr // literal attributes in front of `section`, or nil
	Keyword token.Pos   // the `section` keyword
	Name    *Ident      // nil only after a syntax error
	Semi    token.Pos
	Members []*Member
	EndPos  token.Pos // end of the last member (or of the header)
}

func (s *Section) Pos() token.Pos {
	if s.Attrs != nil {
		return s.Attrs.Pos()
	}
	return s.Keyword
}
func (s *Section) End() token.Pos { return s.EndPos }

// Member is `[attrs] shared Name = Value;`.
type Member struct {
	Attrs  *RecordExpr // literal attributes, or nil
	Shared token.Pos   // the `shared` keyword, or NoPos
	Name   *Ident
	Assign token.Pos
	Value  Expr
	Semi   token.Pos // NoPos when missing
}

func (m *Member) Pos() token.Pos {
	switch {
	case m.Attrs != nil:
		return m.Attrs.Pos()
	case m.Shared.IsValid():
		return m.Shared
	}
	return m.Name.Pos()
}
func (m *Member) End() token.Pos {
	if m.Semi.IsValid() {
		return m.Semi + 1
	}
	if m.Value != nil {
		return m.Value.End()
	}
	return m.Name.End()
}

// IsShared reports whether the member is exported with `shared`.
func (m *Member) IsShared() bool { return m.Shared.IsValid() }

// ----------------------------------------------------------------------------
// Names and literals

// Ident is a name: a regular identifier (`Table.AddColumn`), a quoted one
// (`#"A b"`), a generalized identifier used as a field name (`Base Line`,
// `Documentation.Name`), or an inclusive reference (`@f`).
type Ident struct {
	At      token.Pos // the '@' of an inclusive reference, or NoPos
	NamePos token.Pos
	Raw     string // the source text (without '@')
	Name    string // the decoded name: #"a""b" gives a"b
	Quoted  bool   // written as #"..."
}

func (x *Ident) Pos() token.Pos {
	if x.At.IsValid() {
		return x.At
	}
	return x.NamePos
}
func (x *Ident) End() token.Pos { return x.NamePos + token.Pos(len(x.Raw)) }

// BasicLit is a number, text, verbatim, logical or null literal, or one of
// the constants #infinity and #nan.
type BasicLit struct {
	ValuePos token.Pos
	Kind     token.Token // NUMBER, TEXT, VERBATIM, TRUE, FALSE, NULL, HASH_INFINITY, HASH_NAN
	Raw      string      // the source text
	Value    string      // TEXT and VERBATIM: the decoded text; otherwise Raw
}

func (x *BasicLit) Pos() token.Pos { return x.ValuePos }
func (x *BasicLit) End() token.Pos { return x.ValuePos + token.Pos(len(x.Raw)) }

// HashIdent is one of the predefined #-words used as a value or a callee:
// #date, #datetime, #datetimezone, #duration, #time, #binary, #table,
// #sections, #shared.
type HashIdent struct {
	NamePos token.Pos
	Tok     token.Token
}

func (x *HashIdent) Pos() token.Pos { return x.NamePos }
func (x *HashIdent) End() token.Pos { return x.NamePos + token.Pos(len(x.Tok.String())) }

// ----------------------------------------------------------------------------
// Primary expressions

// ListExpr is `{a, b, c..d}`.
type ListExpr struct {
	Lbrace token.Pos
	Items  []Expr // a `from..to` item is a *RangeExpr
	Rbrace token.Pos
}

// RangeExpr is the list item `From..To`.
type RangeExpr struct {
	From Expr
	Dots token.Pos
	To   Expr
}

// RecordExpr is `[name = value, ...]`, also used for literal attributes.
type RecordExpr struct {
	Lbrack token.Pos
	Fields []*Field
	Rbrack token.Pos
}

// Field is `Name = Value` in a record; Name is a generalized or quoted identifier.
type Field struct {
	Name   *Ident
	Assign token.Pos
	Value  Expr
}

func (f *Field) Pos() token.Pos { return f.Name.Pos() }
func (f *Field) End() token.Pos {
	if f.Value != nil {
		return f.Value.End()
	}
	return f.Name.End()
}

// Lookup returns the field named name, or nil.
func (x *RecordExpr) Lookup(name string) *Field {
	if x == nil {
		return nil
	}
	for _, f := range x.Fields {
		if f.Name != nil && f.Name.Name == name {
			return f
		}
	}
	return nil
}

// ParenExpr is `(X)`.
type ParenExpr struct {
	Lparen token.Pos
	X      Expr
	Rparen token.Pos
}

// NotImplementedExpr is `...`.
type NotImplementedExpr struct {
	Ellipsis token.Pos
}

// SectionAccessExpr is `Section!Member`.
type SectionAccessExpr struct {
	Section *Ident
	Bang    token.Pos
	Member  *Ident
}

// CallExpr is `Fun(Args)`.
type CallExpr struct {
	Fun    Expr
	Lparen token.Pos
	Args   []Expr
	Rparen token.Pos
}

// ItemAccessExpr is `X{Index}` or `X{Index}?`.
type ItemAccessExpr struct {
	X        Expr
	Lbrace   token.Pos
	Index    Expr
	Rbrace   token.Pos
	Question token.Pos // NoPos unless optional
}

// FieldAccessExpr is `X[Name]` or `X[Name]?`; X is nil for the implicit
// target `[Name]` (which means `_[Name]`).
type FieldAccessExpr struct {
	X        Expr
	Lbrack   token.Pos
	Name     *Ident
	Rbrack   token.Pos
	Question token.Pos
}

// ProjectionExpr is `X[[a], [b]]` or `X[[a]]?`; X is nil for the implicit target.
type ProjectionExpr struct {
	X        Expr
	Lbrack   token.Pos
	Fields   []*FieldAccessExpr // each a required selector `[a]` with X == nil
	Rbrack   token.Pos
	Question token.Pos
}

// ----------------------------------------------------------------------------
// Operators

// UnaryExpr is `+X`, `-X` or `not X`.
type UnaryExpr struct {
	OpPos token.Pos
	Op    token.Token // ADD, SUB, NOT
	X     Expr
}

// BinaryExpr is `X Op Y` for every binary operator, including meta, and,
// or, ??, as and is (where Y is a *PrimitiveType). Chains nest to the left.
type BinaryExpr struct {
	X     Expr
	OpPos token.Pos
	Op    token.Token
	Y     Expr
}

// ----------------------------------------------------------------------------
// Expression-level forms

// FuncLit is `(params) as T => Body`.
type FuncLit struct {
	Lparen     token.Pos
	Params     []*Param
	Rparen     token.Pos
	ReturnType *PrimitiveType // nil when absent
	Arrow      token.Pos
	Body       Expr
}

// Param is a parameter of a function literal or a function type.
type Param struct {
	Optional token.Pos // the `optional` word, or NoPos
	Name     *Ident
	Type     Expr // nil when absent; *PrimitiveType in a function literal, any type in a function type
}

func (p *Param) Pos() token.Pos {
	if p.Optional.IsValid() {
		return p.Optional
	}
	return p.Name.Pos()
}
func (p *Param) End() token.Pos {
	if p.Type != nil {
		return p.Type.End()
	}
	return p.Name.End()
}

// IsOptional reports whether the parameter is marked `optional`.
func (p *Param) IsOptional() bool { return p.Optional.IsValid() }

// EachExpr is `each Body`, shorthand for `(_) => Body`.
type EachExpr struct {
	Each token.Pos
	Body Expr
}

// LetExpr is `let bindings in Body`.
type LetExpr struct {
	Let      token.Pos
	Bindings []*Field // variable = expression; names are regular or quoted identifiers
	In       token.Pos
	Body     Expr
}

// Lookup returns the binding named name, or nil.
func (x *LetExpr) Lookup(name string) *Field {
	for _, b := range x.Bindings {
		if b.Name != nil && b.Name.Name == name {
			return b
		}
	}
	return nil
}

// IfExpr is `if Cond then Then else Else`.
type IfExpr struct {
	If      token.Pos
	Cond    Expr
	ThenPos token.Pos
	Then    Expr
	ElsePos token.Pos
	Else    Expr
}

// ErrorExpr is `error X`.
type ErrorExpr struct {
	Error token.Pos
	X     Expr
}

// TryExpr is `try X`, `try X otherwise Default` or `try X catch (e) => body`.
type TryExpr struct {
	Try       token.Pos
	X         Expr
	Otherwise token.Pos // NoPos unless `otherwise`
	Default   Expr
	Catch     token.Pos // NoPos unless `catch`
	CatchFn   *FuncLit
}

// ----------------------------------------------------------------------------
// Types

// TypeExpr is `type T`.
type TypeExpr struct {
	Type token.Pos
	X    Expr // the primary type
}

// PrimitiveType is `number`, `nullable text`, `any`, … (also the right operand of as/is).
type PrimitiveType struct {
	Nullable token.Pos // NoPos unless `nullable`
	NamePos  token.Pos
	Name     string
}

// RecordType is `[a = number, optional b, ...]`.
type RecordType struct {
	Lbrack token.Pos
	Fields []*FieldSpec
	Open   token.Pos // the `...` open-record marker, or NoPos
	Rbrack token.Pos
}

// FieldSpec is `optional Name = Type` in a record or table type.
type FieldSpec struct {
	Optional token.Pos
	Name     *Ident
	Type     Expr // nil when absent
}

func (f *FieldSpec) Pos() token.Pos {
	if f.Optional.IsValid() {
		return f.Optional
	}
	return f.Name.Pos()
}
func (f *FieldSpec) End() token.Pos {
	if f.Type != nil {
		return f.Type.End()
	}
	return f.Name.End()
}

// ListType is `{T}`.
type ListType struct {
	Lbrace token.Pos
	Elem   Expr
	Rbrace token.Pos
}

// FunctionType is `function (x as T, optional y as U) as R`.
type FunctionType struct {
	Function token.Pos
	Lparen   token.Pos
	Params   []*Param
	Rparen   token.Pos
	Return   Expr
}

// TableType is `table [a = number]` (Row may also be a primary expression).
type TableType struct {
	Table token.Pos
	Row   Expr
}

// NullableType is `nullable T` where T is not a primitive type.
type NullableType struct {
	Nullable token.Pos
	X        Expr
}

// BadExpr stands for source that could not be parsed.
type BadExpr struct {
	From, To token.Pos
}

// ----------------------------------------------------------------------------
// Pos and End

func (x *ListExpr) Pos() token.Pos           { return x.Lbrace }
func (x *ListExpr) End() token.Pos           { return x.Rbrace + 1 }
func (x *RangeExpr) Pos() token.Pos          { return x.From.Pos() }
func (x *RangeExpr) End() token.Pos          { return x.To.End() }
func (x *RecordExpr) Pos() token.Pos         { return x.Lbrack }
func (x *RecordExpr) End() token.Pos         { return x.Rbrack + 1 }
func (x *ParenExpr) Pos() token.Pos          { return x.Lparen }
func (x *ParenExpr) End() token.Pos          { return x.Rparen + 1 }
func (x *NotImplementedExpr) Pos() token.Pos { return x.Ellipsis }
func (x *NotImplementedExpr) End() token.Pos { return x.Ellipsis + 3 }
func (x *SectionAccessExpr) Pos() token.Pos  { return x.Section.Pos() }
func (x *SectionAccessExpr) End() token.Pos  { return x.Member.End() }
func (x *CallExpr) Pos() token.Pos           { return x.Fun.Pos() }
func (x *CallExpr) End() token.Pos           { return x.Rparen + 1 }
func (x *ItemAccessExpr) Pos() token.Pos     { return x.X.Pos() }
func (x *ItemAccessExpr) End() token.Pos     { return endOptional(x.Rbrace, x.Question) }
func (x *FieldAccessExpr) Pos() token.Pos {
	if x.X != nil {
		return x.X.Pos()
	}
	return x.Lbrack
}
func (x *FieldAccessExpr) End() token.Pos { return endOptional(x.Rbrack, x.Question) }
func (x *ProjectionExpr) Pos() token.Pos {
	if x.X != nil {
		return x.X.Pos()
	}
	return x.Lbrack
}
func (x *ProjectionExpr) End() token.Pos { return endOptional(x.Rbrack, x.Question) }
func (x *UnaryExpr) Pos() token.Pos      { return x.OpPos }
func (x *UnaryExpr) End() token.Pos      { return x.X.End() }
func (x *BinaryExpr) Pos() token.Pos     { return x.X.Pos() }
func (x *BinaryExpr) End() token.Pos     { return x.Y.End() }
func (x *FuncLit) Pos() token.Pos        { return x.Lparen }
func (x *FuncLit) End() token.Pos        { return x.Body.End() }
func (x *EachExpr) Pos() token.Pos       { return x.Each }
func (x *EachExpr) End() token.Pos       { return x.Body.End() }
func (x *LetExpr) Pos() token.Pos        { return x.Let }
func (x *LetExpr) End() token.Pos        { return x.Body.End() }
func (x *IfExpr) Pos() token.Pos         { return x.If }
func (x *IfExpr) End() token.Pos         { return x.Else.End() }
func (x *ErrorExpr) Pos() token.Pos      { return x.Error }
func (x *ErrorExpr) End() token.Pos      { return x.X.End() }
func (x *TryExpr) Pos() token.Pos        { return x.Try }
func (x *TryExpr) End() token.Pos {
	switch {
	case x.CatchFn != nil:
		return x.CatchFn.End()
	case x.Default != nil:
		return x.Default.End()
	}
	return x.X.End()
}
func (x *TypeExpr) Pos() token.Pos { return x.Type }
func (x *TypeExpr) End() token.Pos { return x.X.End() }
func (x *PrimitiveType) Pos() token.Pos {
	if x.Nullable.IsValid() {
		return x.Nullable
	}
	return x.NamePos
}
func (x *PrimitiveType) End() token.Pos { return x.NamePos + token.Pos(len(x.Name)) }
func (x *RecordType) Pos() token.Pos    { return x.Lbrack }
func (x *RecordType) End() token.Pos    { return x.Rbrack + 1 }
func (x *ListType) Pos() token.Pos      { return x.Lbrace }
func (x *ListType) End() token.Pos      { return x.Rbrace + 1 }
func (x *FunctionType) Pos() token.Pos  { return x.Function }
func (x *FunctionType) End() token.Pos  { return x.Return.End() }
func (x *TableType) Pos() token.Pos     { return x.Table }
func (x *TableType) End() token.Pos     { return x.Row.End() }
func (x *NullableType) Pos() token.Pos  { return x.Nullable }
func (x *NullableType) End() token.Pos  { return x.X.End() }
func (x *BadExpr) Pos() token.Pos       { return x.From }
func (x *BadExpr) End() token.Pos       { return x.To }

func endOptional(closing, question token.Pos) token.Pos {
	if question.IsValid() {
		return question + 1
	}
	return closing + 1
}

func (*Ident) exprNode()              {}
func (*BasicLit) exprNode()           {}
func (*HashIdent) exprNode()          {}
func (*ListExpr) exprNode()           {}
func (*RangeExpr) exprNode()          {}
func (*RecordExpr) exprNode()         {}
func (*ParenExpr) exprNode()          {}
func (*NotImplementedExpr) exprNode() {}
func (*SectionAccessExpr) exprNode()  {}
func (*CallExpr) exprNode()           {}
func (*ItemAccessExpr) exprNode()     {}
func (*FieldAccessExpr) exprNode()    {}
func (*ProjectionExpr) exprNode()     {}
func (*UnaryExpr) exprNode()          {}
func (*BinaryExpr) exprNode()         {}
func (*FuncLit) exprNode()            {}
func (*EachExpr) exprNode()           {}
func (*LetExpr) exprNode()            {}
func (*IfExpr) exprNode()             {}
func (*ErrorExpr) exprNode()          {}
func (*TryExpr) exprNode()            {}
func (*TypeExpr) exprNode()           {}
func (*PrimitiveType) exprNode()      {}
func (*RecordType) exprNode()         {}
func (*ListType) exprNode()           {}
func (*FunctionType) exprNode()       {}
func (*TableType) exprNode()          {}
func (*NullableType) exprNode()       {}
func (*BadExpr) exprNode()            {}
