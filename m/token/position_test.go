package token

import (
	"testing"
)

func TestPositions(t *testing.T) {
	// Offsets below are byte offsets into src.
	const src = "\uFEFFab\r\ncd\rée\u0085f\u2028g\u2029h\ni"
	f := NewFile("a.pq", []byte(src))
	tests := []struct {
		off, line, col int
	}{
		{0, 1, 1},  // the BOM itself
		{3, 1, 1},  // a: the BOM is not a column
		{4, 1, 2},  // b
		{5, 1, 3},  // \r of CRLF
		{7, 2, 1},  // c
		{9, 2, 3},  // lone \r
		{10, 3, 1}, // é (2 bytes)
		{12, 3, 2}, // e: é is one column
		{13, 3, 3}, // NEL
		{15, 4, 1}, // f
		{16, 4, 2}, // LS
		{19, 5, 1}, // g
		{23, 6, 1}, // h
		{25, 7, 1}, // i
		{26, 7, 2}, // end of file
	}
	if n := f.LineCount(); n != 7 {
		t.Errorf("LineCount = %d, want 7", n)
	}
	for _, tt := range tests {
		p := f.Position(PosOf(tt.off))
		if p.Line != tt.line || p.Column != tt.col || p.Offset != tt.off || p.Filename != "a.pq" {
			t.Errorf("offset %d: got %+v, want line %d column %d", tt.off, p, tt.line, tt.col)
		}
		if l := f.Line(PosOf(tt.off)); l != tt.line {
			t.Errorf("Line(offset %d) = %d, want %d", tt.off, l, tt.line)
		}
	}
	// Clamping and invalid positions.
	if p := f.OffsetPosition(1000); p.Offset != len(src) || p.Line != 7 || p.Column != 2 {
		t.Errorf("past the end: %+v", p)
	}
	if p := f.OffsetPosition(-1); p.IsValid() || p.Filename != "a.pq" {
		t.Errorf("negative offset: %+v", p)
	}
	if p := f.Position(NoPos); p.IsValid() || p.String() != "a.pq" {
		t.Errorf("NoPos: %+v %q", p, p.String())
	}
	if l := f.Line(NoPos); l != 0 {
		t.Errorf("Line(NoPos) = %d", l)
	}
	if l := f.Line(PosOf(1000)); l != 7 {
		t.Errorf("Line past the end = %d", l)
	}
	if s := (Position{Line: 2, Column: 3}).String(); s != "2:3" {
		t.Errorf("String without file = %q", s)
	}
	if s := (Position{}).String(); s != "-" {
		t.Errorf("String of nothing = %q", s)
	}
}

func TestLineText(t *testing.T) {
	f := NewFile("a.pq", []byte("\uFEFFone\r\ntwo\u2028three\u0085\nfive"))
	want := []string{"one", "two", "three", "", "five"}
	for i, w := range want {
		if got := f.LineText(i + 1); got != w {
			t.Errorf("LineText(%d) = %q, want %q", i+1, got, w)
		}
	}
	for _, n := range []int{0, 6, -1} {
		if got := f.LineText(n); got != "" {
			t.Errorf("LineText(%d) = %q, want empty", n, got)
		}
		if got := f.LineStart(n); got != -1 {
			t.Errorf("LineStart(%d) = %d, want -1", n, got)
		}
	}
	if got := f.LineStart(1); got != 3 {
		t.Errorf("LineStart(1) = %d, want 3 (after the BOM)", got)
	}
}

// TestXMLFile checks that in XML only CR, LF and CRLF end lines.
func TestXMLFile(t *testing.T) {
	src := []byte("\uFEFF<a>\u2028x\u0085y\r\n<b/>\r<c/>\n")
	f := NewXMLFile("r.resx", src)
	if n := f.LineCount(); n != 4 {
		t.Errorf("LineCount = %d, want 4", n)
	}
	if p := f.OffsetPosition(len("\uFEFF<a>\u2028x\u0085")); p.Line != 1 || p.Column != 7 {
		t.Errorf("y: %+v, want 1:7", p)
	}
	if got := f.LineText(1); got != "<a>\u2028x\u0085y" {
		t.Errorf("LineText(1) = %q", got)
	}
	if got := NewXMLFile("", []byte("a\u0085\n")).LineText(1); got != "a\u0085" {
		t.Errorf("LineText kept a NEL in XML: %q", got)
	}
	if got := f.LineText(2); got != "<b/>" {
		t.Errorf("LineText(2) = %q", got)
	}
	if f.Name() != "r.resx" || f.Size() != len(src) || string(f.Source()) != string(src) {
		t.Error("Name, Size or Source wrong")
	}
	// The same text as M has more lines.
	if n := NewFile("r.pq", src).LineCount(); n != 6 {
		t.Errorf("as M: LineCount = %d, want 6", n)
	}
}
