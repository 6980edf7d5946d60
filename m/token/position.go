package token

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Pos is a compact position in one File: the byte offset plus one, so
// that the zero value means "no position".
type Pos int

// NoPos is the zero Pos: no position.
const NoPos Pos = 0

// IsValid reports whether p is a position.
func (p Pos) IsValid() bool { return p != NoPos }

// PosOf returns the Pos of a byte offset.
func PosOf(offset int) Pos { return Pos(offset + 1) }

// Offset returns the byte offset of p, or -1 for NoPos.
func (p Pos) Offset() int { return int(p) - 1 }

// Position is a human-readable position. Line and Column are 1-based;
// Column counts characters (code points) from the start of the line, not
// bytes, so a BOM or a non-ASCII name before it never shifts it.
type Position struct {
	Filename string
	Offset   int // byte offset, 0-based, BOM included
	Line     int
	Column   int
}

// IsValid reports whether the position is valid.
func (pos Position) IsValid() bool { return pos.Line > 0 }

// String returns "file:line:col", "line:col", "file" or "-".
func (pos Position) String() string {
	s := pos.Filename
	if pos.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", pos.Line, pos.Column)
	}
	if s == "" {
		s = "-"
	}
	return s
}

// File maps byte offsets in one source to lines and columns. The line
// table is built once, eagerly, from the source; columns are counted on
// demand.
type File struct {
	name  string
	src   []byte
	lines []int // byte offset of the first character of each line
	bom   int   // length of a leading UTF-8 BOM (0 or 3)
	xml   bool  // only CR, LF and CRLF end lines
}

// NewFile builds the line table of M source src. CR, LF, CRLF, NEL
// (U+0085), LS (U+2028) and PS (U+2029) each end a line, as in M. A
// leading UTF-8 BOM is not counted as a column.
func NewFile(name string, src []byte) *File { return newFile(name, src, true) }

// NewXMLFile builds the File of an XML document (a .resx file), whose
// lines end only at CR, LF and CRLF, as XML's end-of-line handling says.
func NewXMLFile(name string, src []byte) *File { return newFile(name, src, false) }

// newFile builds the line table; unicodeBreaks says whether NEL, LS and
// PS end lines too.
func newFile(name string, src []byte, unicodeBreaks bool) *File {
	f := &File{name: name, src: src, lines: make([]int, 1, 1+len(src)/32), xml: !unicodeBreaks}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		f.bom = 3
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			f.lines = append(f.lines, i+1)
		case c == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			f.lines = append(f.lines, i+1)
		case !unicodeBreaks:
		case c == 0xC2: // NEL is C2 85
			if i+1 < len(src) && src[i+1] == 0x85 {
				i++
				f.lines = append(f.lines, i+1)
			}
		case c == 0xE2: // LS and PS are E2 80 A8 and E2 80 A9
			if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
				i += 2
				f.lines = append(f.lines, i+1)
			}
		}
	}
	return f
}

// Name returns the file name given to NewFile.
func (f *File) Name() string { return f.name }

// Source returns the bytes of the file.
func (f *File) Source() []byte { return f.src }

// Size returns the size of the file in bytes.
func (f *File) Size() int { return len(f.src) }

// LineCount returns the number of lines.
func (f *File) LineCount() int { return len(f.lines) }

// Position returns the line and column of p. An invalid or out-of-range p
// gives the zero Position with the file name.
func (f *File) Position(p Pos) Position {
	if !p.IsValid() {
		return Position{Filename: f.name}
	}
	return f.OffsetPosition(p.Offset())
}

// OffsetPosition returns the line and column of a byte offset. Offsets
// past the end are clamped to the end.
func (f *File) OffsetPosition(off int) Position {
	if off < 0 {
		return Position{Filename: f.name}
	}
	if off > len(f.src) {
		off = len(f.src)
	}
	line := f.offsetLine(off)
	start := f.lines[line-1]
	if line == 1 && f.bom > 0 && off >= f.bom {
		start = f.bom
	}
	col := 1 + utf8.RuneCount(f.src[start:off])
	return Position{Filename: f.name, Offset: off, Line: line, Column: col}
}

// Line returns the 1-based line of p, or 0 for an invalid p; offsets
// past the end count as the last line. It is cheaper than Position: no
// column is counted.
func (f *File) Line(p Pos) int {
	if !p.IsValid() {
		return 0
	}
	return f.offsetLine(min(p.Offset(), len(f.src)))
}

// offsetLine returns the 1-based line holding byte offset off (0 <= off <= size).
func (f *File) offsetLine(off int) int {
	return sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) // first line starting after off
}

// LineStart returns the byte offset at which 1-based line n starts, or -1.
func (f *File) LineStart(n int) int {
	if n < 1 || n > len(f.lines) {
		return -1
	}
	if n == 1 {
		return f.bom
	}
	return f.lines[n-1]
}

// LineText returns the text of 1-based line n without its line ending.
func (f *File) LineText(n int) string {
	start := f.LineStart(n)
	if start < 0 {
		return ""
	}
	end := len(f.src)
	if n < len(f.lines) {
		end = f.lines[n]
	}
	s := f.src[start:end]
	for len(s) > 0 {
		switch {
		case s[len(s)-1] == '\n' || s[len(s)-1] == '\r':
			s = s[:len(s)-1]
			continue
		case f.xml:
		case len(s) >= 2 && s[len(s)-2] == 0xC2 && s[len(s)-1] == 0x85:
			s = s[:len(s)-2]
			continue
		case len(s) >= 3 && s[len(s)-3] == 0xE2 && s[len(s)-2] == 0x80 && (s[len(s)-1] == 0xA8 || s[len(s)-1] == 0xA9):
			s = s[:len(s)-3]
			continue
		}
		break
	}
	return string(s)
}
