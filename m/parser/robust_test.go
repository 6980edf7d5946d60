package parser

import (
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pqcert/pqcert/m/ast"
)

// TestRobustness feeds pathological inputs: each must give a tree or a
// clear error quickly, without overflowing the stack.
func TestRobustness(t *testing.T) {
	const deep = 100000
	rnd := rand.New(rand.NewSource(1))
	junk := make([]byte, 1<<20)
	rnd.Read(junk)
	tests := []struct {
		name    string
		src     []byte
		wantErr string // "" for success
	}{
		{"nested parens", []byte(strings.Repeat("(", deep) + "1" + strings.Repeat(")", deep)), "nest deeper than"},
		{"nested lists", []byte(strings.Repeat("{", deep) + strings.Repeat("}", deep)), "nest deeper than"},
		{"nested records", []byte(strings.Repeat("[a=", deep) + "1" + strings.Repeat("]", deep)), "nest deeper than"},
		{"unary chain", []byte(strings.Repeat("-", deep) + "1"), "nest deeper than"},
		{"unclosed parens", []byte(strings.Repeat("(", deep)), "nest deeper than"},
		{"nested within limit", []byte(strings.Repeat("{", MaxDepth-10) + strings.Repeat("}", MaxDepth-10)), ""},
		{"plus chain", []byte("a" + strings.Repeat(" + a", 16000)), ""},
		{"plus chain at the limit", []byte("a" + strings.Repeat("+a", MaxChain)), ""},
		{"plus chain over the limit", []byte("a" + strings.Repeat("+a", MaxChain+1)), "operators nest deeper than"},
		{"coalesce chain", []byte("a" + strings.Repeat(" ?? a", 16000)), ""},
		{"coalesce chain over the limit", []byte("a" + strings.Repeat("??a", 2*MaxChain)), "operators nest deeper than"},
		{"call chain over the limit", []byte("f" + strings.Repeat("(1)", MaxChain+1)), "operators nest deeper than"},
		{"field chain over the limit", []byte("r" + strings.Repeat("[a]", MaxChain+1)), "operators nest deeper than"},
		{"as chain over the limit", []byte("x" + strings.Repeat(" as number", MaxChain+1)), "operators nest deeper than"},
		// Chains nested in one another add up; side by side they do not.
		{"nested chains", []byte("(a" + strings.Repeat("+a", MaxChain/2+1) + ")" + strings.Repeat("+a", MaxChain/2+1)), "operators nest deeper than"},
		{"sibling chains", []byte("{a" + strings.Repeat("+a", MaxChain*2/3) + ", a" + strings.Repeat("+a", MaxChain*2/3) + "}"), ""},
		{"each chain", []byte(strings.Repeat("each ", 2000) + "_"), ""},
		{"if chain", []byte(strings.Repeat("if a then b else ", 4000) + "c"), ""},
		{"binary junk", junk, "invalid"},
		{"invalid UTF-8", []byte("let a = \"\xff\xfe\" in a"), "invalid UTF-8"},
		{"NULs", make([]byte, 1000), "NUL"},
		{"double BOM", []byte("\uFEFF\uFEFF1"), "byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFile("x.pq", tt.src, 0)
			if f == nil {
				t.Fatal("nil file")
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestLargeFile parses a 50 MB generated section document.
func TestLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB parse skipped in -short mode")
	}
	src := largeSource(50 << 20)
	start := time.Now()
	f, err := ParseFile("large.pq", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Section.Members) == 0 {
		t.Fatal("no members")
	}
	t.Logf("%d MB, %d members in %v", len(src)>>20, len(f.Section.Members), time.Since(start))
}

// TestCoalesceChain checks that a long `??` chain is parsed by a loop into
// a right-nested tree, not by one recursive call per operator.
func TestCoalesceChain(t *testing.T) {
	const n = 50000
	f, err := ParseFile("c.pq", []byte("a"+strings.Repeat("??a", n)), 0)
	if err != nil {
		t.Fatal(err)
	}
	x, depth := f.Expr, 0
	for {
		b, ok := x.(*ast.BinaryExpr)
		if !ok {
			break
		}
		if _, ok := b.X.(*ast.Ident); !ok {
			t.Fatalf("level %d: left operand is %T, want an identifier (right-nested tree)", depth, b.X)
		}
		x, depth = b.Y, depth+1
	}
	if depth != n {
		t.Errorf("depth %d, want %d", depth, n)
	}
}

// TestManyErrorsOneLine checks that errors on a line that already has one
// are dropped without counting their columns, so that a line of many
// thousands of errors is not quadratic.
func TestManyErrorsOneLine(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"brackets", strings.Repeat("[", 300000), "x.pq:1:3: expected field name"},
		{"meta chain", "a" + strings.Repeat(" meta a", 100000), "x.pq:1:10: `meta` cannot be chained"},
		{"unclosed calls", strings.Repeat("f(1 ", 100000), "x.pq:1:5: expected `,` or `)`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse("x.pq", []byte(tt.src), 0)
			if err := p.errors.Err(); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %s...", err, tt.want)
			}
			// One column per kept error, plus the opener named in it.
			if p.columns > 2*maxErrors {
				t.Errorf("counted %d columns for %d errors (%d dropped)", p.columns, len(p.errors), p.dropped)
			}
		})
	}
}

// excerptSink keeps the result of excerpt in TestExcerpt's allocation
// check, so that the call is not thrown away.
var excerptSink string

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("é", 10<<20)
	tests := []struct{ in, want string }{
		{"abc", "`abc`"},
		{strings.Repeat("a", 40), "`" + strings.Repeat("a", 40) + "`"},
		{strings.Repeat("a", 41), "`" + strings.Repeat("a", 37) + "...`"},
		{long, "`" + strings.Repeat("é", 37) + "...`"},
	}
	for _, tt := range tests {
		if got := excerpt(tt.in); got != tt.want {
			t.Errorf("excerpt(%.10q...) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A 20 MB literal must not be copied to runes (80 MB).
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	excerptSink = excerpt(long)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<16 {
		t.Errorf("excerpt of a %d-byte string allocated %d bytes", len(long), n)
	}
}
