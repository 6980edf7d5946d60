package resx

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/beevik/etree"
	"github.com/pqcert/pqcert/m/token"
)

// MaxSize is the largest resx Parse reads. Real ones are a few kilobytes;
// the cap keeps a huge or hostile file from costing time and memory.
const MaxSize = 16 << 20

// Parse reads a resx file. It always returns a *File; when the file is
// broken the error is a *Error with a position, and the File still holds
// Path, Culture, Src (for showing the line) and the entries and comments
// that come before the problem (Entries holds only <data> elements that
// were closed). path is used for positions and for the culture.
//
// A UTF-8 BOM is accepted; UTF-16 (with a BOM, or starting "<" in either
// byte order) is decoded to UTF-8 first, and then Src and every position
// refer to the decoded text, whose line and column numbers are the same.
func Parse(path string, src []byte) (*File, error) {
	f := &File{Path: path}
	f.Culture, _ = CultureOf(baseName(path))
	if len(src) > MaxSize {
		return f, &Error{
			Pos: token.Position{Filename: path, Line: 1, Column: 1},
			Msg: fmt.Sprintf("file is %d bytes, more than the %d MiB a resx may have", len(src), MaxSize>>20),
		}
	}
	text, badOff, msg := toUTF8(src)
	f.Src = token.NewXMLFile(path, text)
	if msg != "" {
		return f, f.errorAt(badOff, msg)
	}

	base := 0
	if bytes.HasPrefix(text, utf8BOM) {
		base = len(utf8BOM)
	}
	body := text[base:]
	lay, serr := scan(f.Src, body, base)
	f.Comments = lay.comments

	// etree reads the same bytes, stopping where the scan stopped, so its
	// (possibly partial) tree matches the scan's <data> list one to one.
	stop := len(body)
	if serr != nil {
		stop = serr.stop
	}
	doc := etree.NewDocument()
	doc.ReadSettings.MaxDepth = maxDepth
	rerr := doc.ReadFromBytes(body[:stop])
	if serr == nil && rerr != nil {
		// Both read with the same decoder settings, so this should not
		// happen; if it does, say so rather than trust a partial tree.
		serr = &scanError{off: base, msg: "cannot read XML: " + rerr.Error()}
	}
	if root := doc.Root(); root != nil && root.Tag == "root" {
		f.Entries = entries(root, lay.data)
	}
	if serr != nil {
		return f, f.errorAt(serr.off, serr.msg)
	}
	return f, nil
}

// entries pairs etree's <data> elements with their positions.
func entries(root *etree.Element, pos []dataPos) []*Entry {
	var out []*Entry
	i := 0
	for _, el := range root.ChildElements() {
		if el.Tag != "data" {
			continue
		}
		if i >= len(pos) || !pos[i].closed {
			break
		}
		p := pos[i]
		i++
		e := &Entry{
			Name:     attr(el, "", "name"),
			Type:     attr(el, "", "type"),
			MimeType: attr(el, "", "mimetype"),
			Space:    attr(el, "xml", "space"),
			Pos:      token.PosOf(p.start),
			End:      token.PosOf(p.end),
			NamePos:  posOrNo(p.name),
			ValuePos: posOrNo(p.value),
		}
		if v := el.SelectElement("value"); v != nil {
			e.Value, e.HasValue = v.Text(), true
		}
		if c := el.SelectElement("comment"); c != nil {
			e.Comment = c.Text()
		}
		out = append(out, e)
	}
	return out
}

// attr returns an attribute's value by exact prefix and name, so that a
// stray "x:name" is not taken for "name" (the scan matches the same way).
func attr(el *etree.Element, space, key string) string {
	for _, a := range el.Attr {
		if a.Space == space && a.Key == key {
			return a.Value // etree keeps only the last of duplicate attributes
		}
	}
	return ""
}

func posOrNo(off int) token.Pos {
	if off < 0 {
		return token.NoPos
	}
	return token.PosOf(off)
}

func (f *File) errorAt(off int, msg string) *Error {
	return &Error{Pos: f.Src.OffsetPosition(off), Msg: msg}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// toUTF8 returns src as UTF-8, decoding UTF-16. When src cannot be
// text, msg says why and off is where the problem is (in the returned
// text, which is src itself in that case).
func toUTF8(src []byte) (text []byte, off int, msg string) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), len(src) >= 2 && src[0] == '<' && src[1] == 0:
		return fromUTF16(src, false)
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}), len(src) >= 2 && src[0] == 0 && src[1] == '<':
		return fromUTF16(src, true)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return src, i, "binary data (a NUL byte): not a resx file"
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		return src, i, fmt.Sprintf("invalid UTF-8 (byte 0x%02X): save the file as UTF-8", src[i])
	}
	return src, 0, ""
}

func fromUTF16(src []byte, bigEndian bool) ([]byte, int, string) {
	if len(src)%2 != 0 {
		return src, len(src) - 1, "UTF-16 text with an odd number of bytes: the file is truncated"
	}
	units := make([]uint16, len(src)/2)
	for i := range units {
		hi, lo := src[2*i+1], src[2*i]
		if bigEndian {
			hi, lo = lo, hi
		}
		units[i] = uint16(hi)<<8 | uint16(lo)
	}
	// A BOM decodes to U+FEFF, which stays as a UTF-8 BOM so that columns
	// on the first line still start after it.
	return []byte(string(utf16.Decode(units))), 0, ""
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// baseName is the last element of a path written with either separator,
// since callers pass repository paths ('/') and Windows paths alike.
func baseName(p string) string {
	return path.Base(strings.ReplaceAll(p, `\`, "/"))
}
