package parser

import (
	"math/rand"
	"strings"
	"testing"
	"time"
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
		{"each chain", []byte(strings.Repeat("each ", 2000) + "_"), ""},
		{"if chain", []byte(strings.Repeat("if a then b else ", 4000) + "c"), ""},
		{"binary junk", junk, "invalid"},
		{"invalid UTF-8", []byte("let a = \"\xff\xfe\" in a"), "invalid UTF-8"},
		{"NULs", make([]byte, 1000), "NUL"},
		{"double BOM", []byte("\uFEFF\uFEFF1"), "byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
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
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
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
