package parser

import (
	"strings"
	"testing"
)

func TestTrees(t *testing.T) {
	tests := []struct{ src, want string }{
		{`1 + -2 meta [a=1] * 3`, `(+ 1 (* (meta (- 2) [a=1]) 3))`},
		{`1-2-3`, `(- (- 1 2) 3)`},
		{`not a = b`, `(= (not a) b)`},
		{`a ?? b or c`, `(?? a (or b c))`},
		{`a ?? b ?? c`, `(?? a (?? b c))`},
		{`1*2+3`, `(+ (* 1 2) 3)`},
		{`1 < 2 < 3 = false <> true`, `(<> (= (< (< 1 2) 3) false) true)`},
		{`x as number as number is number is logical`, `(is (is (as (as x number) number) number) logical)`},
		{`x as nullable number`, `(as x nullable-number)`},
		{`a and b or c and d`, `(or (and a b) (and c d))`},
		{`"a" & "b" & "c"`, `(& (& "a" "b") "c")`},
		{`-r[a] * 2`, `(* (- (field r a)) 2)`},
		{`l{0}{0}?[x](1)(2)`, `(call (call (field (item? (item l 0) 0) x) 1) 2)`},
		{`r[[a], [b]]?`, `(project? r a b)`},
		{`each [a]?`, `(each (field? _ a))`},
		{`each [a]?[b]`, `(each (field (field? _ a) b))`},
		{`each [[a]]?`, `(each (project? _ a))`},
		{`each [a]? ?? 0`, `(each (?? (field? _ a) 0))`},
		{`a ?? b ?? c ?? d`, `(?? a (?? b (?? c d)))`},
		{`a ?? b + c ?? d or e`, `(?? a (?? (+ b c) (or d e)))`},
		{`a or b ?? c`, `(?? (or a b) c)`},
		{`a ?? b as number ?? c`, `(?? a (?? (as b number) c))`},
		{`{ [a], [[a], [b]], [[a]]?, [] }`, `{(field _ a), (project _ a b), (project? _ a), []}`},
		{`[a = 1][a] + {1, 2}{1}`, `(+ (field [a=1] a) (item {1, 2} 1))`},
		{`{1..3, "a".."c"}`, `{(.. 1 3), (.. "a" "c")}`},
		{`each [x] + 1`, `(each (+ (field _ x) 1))`},
		{`(x, optional y as nullable text) as number => x`, `(fn (x optional y:nullable-text) number x)`},
		{`(x) => x + 1`, `(fn (x) (+ x 1))`},
		{`(x as number) as number`, `(as (paren (as x number)) number)`},
		{`((x) => x)(1)`, `(call (paren (fn (x) x)) 1)`},
		{`let a = 1, #"b c" = 2 in a`, `(let a=1 b c=2 a)`},
		{`if a then b else c + 1`, `(if a b (+ c 1))`},
		{`try x otherwise y + 1`, `(try x (+ y 1))`},
		{`try error "x" catch (e) => e[Message]`, `(try (error "x") (fn (e) (field e Message)))`},
		{`try 1 catch () => 0`, `(try 1 (fn () 0))`},
		{`@f(n - 1)`, `(call @f (- n 1))`},
		{`"a"(1)`, `(call "a" 1)`},
		{`#date(2024, 1, 1)`, `(call #date 2024 1 1)`},
		{`type number meta [Documentation.Name = "n"]`, `(meta (type number) [Documentation.Name="n"])`},
		{`type table [A = number, optional B = text]`, `(type (table-type (record-type A=number optional B=text)))`},
		{`type [a = number, ...]`, `(type (record-type a=number ...))`},
		{`type function (x as number, optional y as text) as any`, `(type (function-type x:number optional y:text any))`},
		{`type nullable (Type.ForList({type number}))`, `(type (nullable (paren (call Type.ForList {(type number)}))))`},
		{`type {Foo}`, `(type (list-type Foo))`},
		{`type nullable text`, `(type nullable-text)`},
		{`type table Row`, `(type (table-type Row))`},
		{`[Base Line = 1, 1st Place = 2, each = 3, options.data.id = 4][Base Line]`, `(field [Base Line=1, 1st Place=2, each=3, options.data.id=4] Base Line)`},
		{`let optional = 1, catch = 3, table = 4 in catch + table`, `(let optional=1 catch=3 table=4 (+ catch table))`},
		{`List.Transform(xs, each List.Transform(_, each _ * 2))`, `(call List.Transform xs (each (call List.Transform _ (each (* _ 2)))))`},
		{"section S;\na = 1;\nshared b = S!a + 1;", `(section S (a 1) (shared b (+ S!a 1)))`},
		{`let f = (x) => ... in f`, `(let f=(fn (x) ...) f)`},
		{`- - 1`, `(- (- 1))`},
	}
	for _, tt := range tests {
		f, err := ParseFile("t.pq", []byte(tt.src), 0)
		if err != nil {
			t.Errorf("%s: unexpected error %v", tt.src, err)
			continue
		}
		if got := sexpr(f); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"let\n    a = 1,\n    b = (2\n", "t.pq:4:1: expected `)` to close `(` opened at 3:9, found end of file"},
		{"let a = 1\n)", "t.pq:2:1: expected `,` or `in` to close `let` opened at 1:1, found `)`"},
		{"let in 1", "t.pq:1:5: expected variable name after `let`, found `in`"},
		// A missing comma: the message offers the comma, not only the closer.
		{"[a = 1 \n b = 2]", "t.pq:2:2: expected `,` or `]` to close `[` opened at 1:1, found identifier `b`"},
		{"f(1 2)", "t.pq:1:5: expected `,` or `)` to close `(` opened at 1:2, found number `2`"},
		{"let a = 1 b = 2 in b", "t.pq:1:11: expected `,` or `in` to close `let` opened at 1:1, found identifier `b`"},
		{"{1 2}", "t.pq:1:4: expected `,` or `}` to close `{` opened at 1:1, found number `2`"},
		{"r[[a] [b]]", "t.pq:1:7: expected `,` or `]` to close `[` opened at 1:2, found `[`"},
		{"type [a = number b = text]", "t.pq:1:18: expected `,` or `]` to close `[` opened at 1:6, found identifier `b`"},
		{"type function (x as number y as text) as any", "t.pq:1:28: expected `,` or `)` to close `(` opened at 1:15, found identifier `y`"},
		{"(1 2)", "t.pq:1:4: expected `)` to close `(` opened at 1:1, found number `2`"},
		{"type table [a = number, ...]", "t.pq:1:25: a table type's row type cannot be open"},
		{"\xFF\xFEa\x00", "t.pq:1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"},
		{"\xFE\xFF\x00a", "t.pq:1:1: the file is UTF-16"},
		{"1 + if a then b else c", "t.pq:1:5: `if` expression cannot be an operand; put it in parentheses"},
		{"{1, 2, }", "t.pq:1:6: trailing comma is not allowed in a list"},
		{"1 meta a meta b", "t.pq:1:10: `meta` cannot be chained"},
		{"x is number = true", "t.pq:1:13: the result of `is` cannot be the left operand of `=`"},
		{"\"abc", "t.pq:1:1: text not terminated"},
		{"1 + /* x", "t.pq:1:5: comment not terminated"},
		{"(optional a, b) => a", "t.pq:1:14: required parameter `b` cannot follow an optional parameter"},
		{"let type = 1 in type", "t.pq:1:5: expected variable name, found keyword `type`"},
		{"", "t.pq:1:1: empty document"},
		{"x = 1;", "t.pq:1:6: expected end of file"},
		{"section S;\na = 1;\nb = 2", "t.pq:3:6: expected `;` after the value of member `b`, found end of file"},
		{"[Version = 1 + 1]\nsection S;", "t.pq:1:14: expected `,` or `]`"},
		{"\"#(foo)\"", "t.pq:1:2: invalid escape sequence #(foo)"},
		{"@(1)", "t.pq:1:2: expected identifier after `@`, found `(`"},
		{"r[]", "t.pq:1:3: expected field name, found `]`"},
		{"try 1 catch (e as record) => e", "t.pq:1:16: the parameter of a catch function cannot have a type"},
		{"x as action", "t.pq:1:6: `action` is not a primitive type"},
		{"type (X)", "t.pq:1:6: expected a type after `type`"},
		{"a\x00", "t.pq:1:2: invalid character NUL"},
		{"a\xff", "t.pq:1:2: invalid UTF-8 encoding"},
	}
	for _, tt := range tests {
		_, err := ParseFile("t.pq", []byte(tt.src), 0)
		if err == nil {
			t.Errorf("%q: no error, want %q", tt.src, tt.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q:\n got %s\nwant %s...", tt.src, err, tt.want)
		}
	}
}
