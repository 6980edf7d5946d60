package scanner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/m/token"
)

type scanned struct {
	pos string // line:col
	tok token.Token
	lit string
}

// scanAll returns every token of src and the errors reported.
func scanAll(src string, mode Mode) ([]scanned, []string) {
	var s Scanner
	var errs []string
	file := token.NewFile("", []byte(src))
	s.Init(file, []byte(src), func(pos token.Position, msg string) {
		errs = append(errs, fmt.Sprintf("%d:%d: %s", pos.Line, pos.Column, msg))
	}, mode)
	var out []scanned
	for {
		pos, tok, lit := s.Scan()
		p := file.Position(pos)
		out = append(out, scanned{fmt.Sprintf("%d:%d", p.Line, p.Column), tok, lit})
		if tok == token.EOF {
			return out, errs
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		src  string
		want string // "tok:lit" separated by spaces; lit only for literals
	}{
		{`Table.AddColumn(t, "n", each [a] + 1)`, `IDENT:Table.AddColumn ( IDENT:t , TEXT:"n" , each [ IDENT:a ] + NUMBER:1 ) EOF`},
		{`{a..b}`, `{ IDENT:a .. IDENT:b } EOF`},
		{`{1..3}`, `{ NUMBER:1 .. NUMBER:3 } EOF`},
		{`1 1.5 .5 .05 1e10 2.5E+3 0xFF 0XabC 1E-5`, `NUMBER:1 NUMBER:1.5 NUMBER:.5 NUMBER:.05 NUMBER:1e10 NUMBER:2.5E+3 NUMBER:0xFF NUMBER:0XabC NUMBER:1E-5 EOF`},
		{`1else`, `NUMBER:1 else EOF`},
		{`#"a ""b"""  #!"v" #date #table #infinity #nan #shared`, `IDENT:#"a ""b""" VERBATIM:#!"v" #date #table #infinity #nan #shared EOF`},
		{`, ; = < <= > >= <> + - * / & ( ) [ ] { } @ ! ? ?? => .. ...`, `, ; = < <= > >= <> + - * / & ( ) [ ] { } @ ! ? ?? => .. ... EOF`},
		{`and as each else error false if in is let meta not null or otherwise section shared then true try type`, `and as each else error false if in is let meta not null or otherwise section shared then true try type EOF`},
		{`catch optional nullable table`, `IDENT:catch IDENT:optional IDENT:nullable IDENT:table EOF`},
		{`café 变量 _x1`, `IDENT:café IDENT:变量 IDENT:_x1 EOF`},
		{"a // c\n/* b */ b", `IDENT:a IDENT:b EOF`},
		{"\"a#(cr,lf)b#(#)(\"", `TEXT:"a#(cr,lf)b#(#)(" EOF`},
		{"in\uFEFF", "IDENT:in\uFEFF EOF"},
		{`r[a]?`, `IDENT:r [ IDENT:a ] ? EOF`},
	}
	for _, tt := range tests {
		toks, errs := scanAll(tt.src, 0)
		var parts []string
		for _, s := range toks {
			if s.tok.IsLiteral() {
				parts = append(parts, s.tok.String()+":"+s.lit)
			} else {
				parts = append(parts, s.tok.String())
			}
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		if len(errs) > 0 {
			t.Errorf("%q: unexpected errors %v", tt.src, errs)
		}
	}
}

func TestComments(t *testing.T) {
	toks, _ := scanAll("a // c\n/* b */ b", ScanComments)
	want := []scanned{{"1:1", token.IDENT, "a"}, {"1:3", token.COMMENT, "// c"}, {"2:1", token.COMMENT, "/* b */"}, {"2:9", token.IDENT, "b"}, {"2:10", token.EOF, ""}}
	if fmt.Sprint(toks) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", toks, want)
	}
}

func TestPositions(t *testing.T) {
	tests := []struct {
		src  string
		want string // positions of every token
	}{
		{"\uFEFFa b", "1:1 1:3 1:4"},            // BOM is not a column
		{"a\r\nb\rc\nd", "1:1 2:1 3:1 4:1 4:2"}, // CRLF, CR, LF
		{"a\u0085b\u2028c\u2029d", "1:1 2:1 3:1 4:1 4:2"},
		{"é  x", "1:1 1:4 1:5"},                               // columns count code points
		{"\"a\nb\" c", "1:1 2:4 2:5"},                         // multi-line text
		{"a\u00A0b\vc\fd\u2003e", "1:1 1:3 1:5 1:7 1:9 1:10"}, // Zs, VT, FF
	}
	for _, tt := range tests {
		toks, errs := scanAll(tt.src, 0)
		var got []string
		for _, s := range toks {
			got = append(got, s.pos)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, strings.Join(got, " "), tt.want)
		}
		if len(errs) > 0 {
			t.Errorf("%q: unexpected errors %v", tt.src, errs)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1.", "1:1: decimal point must be followed by digits"},
		{"0x", "1:1: hexadecimal number has no digits after 0x"},
		{"a.1", "1:3: identifier part after '.' must start with a letter or '_'"},
		{"Foo. ", "1:4: identifier cannot end with '.'"},
		{`"abc`, "1:1: text not terminated"},
		{"/* x", "1:1: comment not terminated"},
		{`"#(foo)"`, "1:2: invalid escape sequence #(foo)"},
		{`"#(0041"`, "1:2: escape sequence #(0041 not closed"},
		{"$", "1:1: invalid character U+0024 '$'"},
		{"#foo", `1:1: unknown #-keyword "#foo"`},
		{"a\x00", "1:2: invalid character NUL"},
		{"a\xffb", "1:2: invalid UTF-8 encoding"},
		{"\uFEFF\uFEFFa", "1:1: unexpected byte order mark"},
		{"a \uFEFF", "1:3: unexpected byte order mark"},
	}
	for _, tt := range tests {
		_, errs := scanAll(tt.src, 0)
		if len(errs) == 0 || !strings.HasPrefix(errs[0], tt.want) {
			t.Errorf("%q: got errors %v, want %q", tt.src, errs, tt.want)
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct{ raw, want string }{
		{`"abc"`, "abc"},
		{`"say ""hi"""`, `say "hi"`},
		{`#"a b"`, "a b"},
		{`#!"v""x"`, `v"x`},
		{`"a#(cr,lf)b#(tab)c#(#)("`, "a\r\nb\tc#("},
		{`"#(0041)#(0001F600)"`, "A\U0001F600"},
		{`"#(D83D)#(DE00)"`, "\U0001F600"},
		{`"#(foo)"`, "#(foo)"},
		{`Table.Name`, "Table.Name"},
	}
	for _, tt := range tests {
		if got := Decode(tt.raw); got != tt.want {
			t.Errorf("Decode(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestIsGeneralizedIdentifier(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "Base Line": true, "Documentation.Name": true, "1st Place": true, "2nd": true,
		"options.data.id": true, "each": true, "a  b": true,
		"2024": false, "a.": false, ".a": false, "a..b": false, "a\tb": false, " a": false, "": false, "a 1": false,
	} {
		if got := IsGeneralizedIdentifier(s); got != want {
			t.Errorf("IsGeneralizedIdentifier(%q) = %v", s, got)
		}
	}
}
