// Package token defines the lexical tokens of the Power Query M language
// and the positions that locate them in a source file.
package token

import "strconv"

// Token is the kind of a lexical token of M.
type Token int

// The list of tokens.
const (
	ILLEGAL Token = iota
	EOF
	COMMENT

	literalBeg
	IDENT    // Table.AddColumn, #"quoted name"
	NUMBER   // 1, 1.5, .5, 1e10, 0xFF
	TEXT     // "text"
	VERBATIM // #!"verbatim"
	literalEnd

	operatorBeg
	COMMA     // ,
	SEMICOLON // ;
	EQL       // =
	LSS       // <
	LEQ       // <=
	GTR       // >
	GEQ       // >=
	NEQ       // <>
	ADD       // +
	SUB       // -
	MUL       // *
	QUO       // /
	CONCAT    // &
	LPAREN    // (
	RPAREN    // )
	LBRACK    // [
	RBRACK    // ]
	LBRACE    // {
	RBRACE    // }
	AT        // @
	BANG      // !
	QUESTION  // ?
	COALESCE  // ??
	ARROW     // =>
	DOTDOT    // ..
	ELLIPSIS  // ...
	operatorEnd

	keywordBeg
	AND
	AS
	EACH
	ELSE
	ERROR
	FALSE
	IF
	IN
	IS
	LET
	META
	NOT
	NULL
	OR
	OTHERWISE
	SECTION
	SHARED
	THEN
	TRUE
	TRY
	TYPE
	keywordEnd

	hashBeg // the #-keywords: predefined values and constructors
	HASH_BINARY
	HASH_DATE
	HASH_DATETIME
	HASH_DATETIMEZONE
	HASH_DURATION
	HASH_INFINITY
	HASH_NAN
	HASH_SECTIONS
	HASH_SHARED
	HASH_TABLE
	HASH_TIME
	hashEnd
)

var tokens = [...]string{
	ILLEGAL:  "ILLEGAL",
	EOF:      "EOF",
	COMMENT:  "COMMENT",
	IDENT:    "IDENT",
	NUMBER:   "NUMBER",
	TEXT:     "TEXT",
	VERBATIM: "VERBATIM",

	COMMA:     ",",
	SEMICOLON: ";",
	EQL:       "=",
	LSS:       "<",
	LEQ:       "<=",
	GTR:       ">",
	GEQ:       ">=",
	NEQ:       "<>",
	ADD:       "+",
	SUB:       "-",
	MUL:       "*",
	QUO:       "/",
	CONCAT:    "&",
	LPAREN:    "(",
	RPAREN:    ")",
	LBRACK:    "[",
	RBRACK:    "]",
	LBRACE:    "{",
	RBRACE:    "}",
	AT:        "@",
	BANG:      "!",
	QUESTION:  "?",
	COALESCE:  "??",
	ARROW:     "=>",
	DOTDOT:    "..",
	ELLIPSIS:  "...",

	AND:       "and",
	AS:        "as",
	EACH:      "each",
	ELSE:      "else",
	ERROR:     "error",
	FALSE:     "false",
	IF:        "if",
	IN:        "in",
	IS:        "is",
	LET:       "let",
	META:      "meta",
	NOT:       "not",
	NULL:      "null",
	OR:        "or",
	OTHERWISE: "otherwise",
	SECTION:   "section",
	SHARED:    "shared",
	THEN:      "then",
	TRUE:      "true",
	TRY:       "try",
	TYPE:      "type",

	HASH_BINARY:       "#binary",
	HASH_DATE:         "#date",
	HASH_DATETIME:     "#datetime",
	HASH_DATETIMEZONE: "#datetimezone",
	HASH_DURATION:     "#duration",
	HASH_INFINITY:     "#infinity",
	HASH_NAN:          "#nan",
	HASH_SECTIONS:     "#sections",
	HASH_SHARED:       "#shared",
	HASH_TABLE:        "#table",
	HASH_TIME:         "#time",
}

// String returns the source text of operators and keywords, and the
// constant's name for the other tokens.
func (tok Token) String() string {
	if 0 <= tok && int(tok) < len(tokens) && tokens[tok] != "" {
		return tokens[tok]
	}
	return "token(" + strconv.Itoa(int(tok)) + ")"
}

// IsLiteral reports whether tok is an identifier or a literal.
func (tok Token) IsLiteral() bool { return literalBeg < tok && tok < literalEnd }

// IsOperator reports whether tok is an operator or punctuator.
func (tok Token) IsOperator() bool { return operatorBeg < tok && tok < operatorEnd }

// IsKeyword reports whether tok is a keyword, including the #-keywords.
func (tok Token) IsKeyword() bool {
	return keywordBeg < tok && tok < keywordEnd || hashBeg < tok && tok < hashEnd
}

// IsHashKeyword reports whether tok is one of #binary … #time.
func (tok Token) IsHashKeyword() bool { return hashBeg < tok && tok < hashEnd }

var keywords map[string]Token

func init() {
	keywords = make(map[string]Token, keywordEnd-keywordBeg+hashEnd-hashBeg)
	for i := keywordBeg + 1; i < keywordEnd; i++ {
		keywords[tokens[i]] = i
	}
	for i := hashBeg + 1; i < hashEnd; i++ {
		keywords[tokens[i]] = i
	}
}

// Lookup maps a keyword-or-identifier (or a #-word such as "#date") to its
// keyword token, or IDENT when it is not a keyword. Contextual words such as
// catch, optional, nullable and the primitive type names are identifiers.
func Lookup(word string) Token {
	if tok, ok := keywords[word]; ok {
		return tok
	}
	return IDENT
}

// Precedence returns the binding power of a binary operator, higher binds
// tighter, or 0 when tok is not a binary operator. The order is the spec's
// operator table: meta > * / > + - & > relational > equality > as > is >
// and > or > ??.
func (tok Token) Precedence() int {
	switch tok {
	case META:
		return 10
	case MUL, QUO:
		return 9
	case ADD, SUB, CONCAT:
		return 8
	case LSS, LEQ, GTR, GEQ:
		return 7
	case EQL, NEQ:
		return 6
	case AS:
		return 5
	case IS:
		return 4
	case AND:
		return 3
	case OR:
		return 2
	case COALESCE:
		return 1
	}
	return 0
}
