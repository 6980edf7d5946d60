package resx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pqcert/pqcert/m/token"
)

// maxDepth bounds element nesting. A resx is three deep (root, data,
// value); the limit only stops a hostile file from growing the stack.
const maxDepth = 64

// layout is where things are in the raw bytes, found by walking the same
// token stream that etree reads, because etree records no positions. All
// offsets are byte offsets into the whole file (BOM included).
type layout struct {
	data     []dataPos  // the <data> children of <root>, in document order
	comments []*Comment // every XML comment, in document order
}

// dataPos locates one <data> element; -1 means "not present".
type dataPos struct {
	start, end int // '<' of <data, just past </data> (or past "/>")
	name       int // first byte of the name attribute's value
	value      int // first byte of the <value> text, or '<' of an empty <value>
	closed     bool
}

// openElem is an element whose end tag the scan has not seen yet.
type openElem struct {
	name string
	off  int
}

// scanError is the first thing that stops the scan: off is where to point,
// stop is where etree should stop reading so that its partial tree holds
// exactly the tokens before the problem.
type scanError struct {
	off, stop int
	msg       string
}

// scan walks body (the file after any BOM; base is the BOM's length) with
// encoding/xml's raw tokenizer, which reports the input offset of every
// token, so that entries, comments and errors get exact positions. It
// checks what RawToken leaves out (matching end tags, one root) and what
// a resx must not hold (a DOCTYPE, deep nesting, a root other than <root>).
func scan(f *token.File, body []byte, base int) (layout, *scanError) {
	var lay layout
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	dec.CharsetReader = passThrough
	var (
		stack    []openElem
		cur      = -1 // index in lay.data of the open <data>, or -1
		inValue  bool // inside cur's first <value>, before any text
		seenRoot bool
	)
	fail := func(off, stop int, format string, args ...any) *scanError {
		return &scanError{off: base + off, stop: stop, msg: fmt.Sprintf(format, args...)}
	}
	for {
		before := int(dec.InputOffset())
		tok, err := dec.RawToken()
		after := int(dec.InputOffset())
		if err == io.EOF {
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				return lay, fail(len(body), len(body), "unexpected end of file: <%s> opened at %s is not closed",
					top.name, lineCol(f, base+top.off))
			}
			if !seenRoot {
				return lay, fail(len(body), len(body), "no <root> element: not a resx file")
			}
			return lay, nil
		}
		if err != nil {
			return lay, syntaxError(err, body, base, before, after, stack, f)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := qname(t.Name)
			switch {
			case len(stack) == 0 && seenRoot:
				return lay, fail(before, before, "a second top-level element <%s>: XML allows one root element", name)
			case len(stack) == 0 && name != "root":
				return lay, fail(before, before, "the root element is <%s>, expected <root>: not a resx file", name)
			case len(stack) >= maxDepth:
				return lay, fail(before, before, "elements nested more than %d deep: not a resx file", maxDepth)
			}
			seenRoot = true
			switch {
			case len(stack) == 1 && t.Name.Local == "data":
				lay.data = append(lay.data, dataPos{
					start: base + before, end: -1, value: -1,
					name: attrValueOffset(body[before:after], "name", base+before),
				})
				cur, inValue = len(lay.data)-1, false
			case len(stack) == 2 && cur >= 0 && t.Name.Local == "value" && lay.data[cur].value < 0:
				lay.data[cur].value = base + before
				inValue = true
			}
			stack = append(stack, openElem{name: name, off: before})
		case xml.EndElement:
			name := qname(t.Name)
			if len(stack) == 0 {
				return lay, fail(before, before, "unexpected end tag </%s>", name)
			}
			top := stack[len(stack)-1]
			if top.name != name {
				return lay, fail(before, before, "</%s> does not close <%s> opened at %s",
					name, top.name, lineCol(f, base+top.off))
			}
			stack = stack[:len(stack)-1]
			inValue = false
			if len(stack) == 1 && cur >= 0 {
				lay.data[cur].end, lay.data[cur].closed = base+after, true
				cur = -1
			}
		case xml.CharData:
			if inValue && len(stack) == 3 && len(t) > 0 {
				lay.data[cur].value = base + before
				inValue = false
			}
			if len(stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
				where := "before"
				if seenRoot {
					where = "after"
				}
				return lay, fail(before, before, "text %s the root element: not a resx file", where)
			}
		case xml.Comment:
			lay.comments = append(lay.comments, &Comment{Pos: token.PosOf(base + before), Text: string(t)})
		case xml.Directive:
			// encoding/xml never expands entities declared in a DTD, but a
			// resx has no use for one, and refusing it outright means no
			// entity trick (billion laughs, external entities) gets a chance.
			return lay, fail(before, before, "<!%s> is not allowed in a resx: DOCTYPE and entity declarations are refused",
				firstWord(t))
		}
	}
}

// syntaxError turns an encoding/xml error into a message and a position.
// The decoder's offset is just past the byte it choked on.
func syntaxError(err error, body []byte, base, before, after int, stack []openElem, f *token.File) *scanError {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return &scanError{off: base + before, stop: before, msg: err.Error()}
	}
	off := max(after-1, before)
	msg := se.Msg
	switch {
	case msg == "unexpected EOF":
		msg = fmt.Sprintf("unexpected end of file inside the markup that starts at %s", lineCol(f, base+before))
		off = len(body)
	case strings.HasPrefix(msg, "invalid character entity "):
		ent := strings.TrimPrefix(msg, "invalid character entity ")
		if i := bytes.LastIndex(body[before:after], []byte(strings.TrimSuffix(ent, ";"))); i >= 0 {
			off = before + i
		}
		msg += " (XML knows only &lt; &gt; &amp; &quot; &apos; and &#N;)"
	case msg == "invalid UTF-8":
		msg = "invalid UTF-8: save the file as UTF-8"
	}
	if len(stack) > 0 && !strings.HasPrefix(msg, "unexpected end") {
		msg += fmt.Sprintf(" in <%s>", stack[len(stack)-1].name)
	}
	return &scanError{off: base + off, stop: before, msg: msg}
}

// attrValueOffset returns the file offset of the first byte of attribute
// name's value in a raw start tag (already checked by the decoder), or -1.
// The last occurrence wins, as it does in etree.
func attrValueOffset(tag []byte, name string, tagOff int) int {
	found := -1
	i := 1 // past '<'
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++ // the element name
	}
	for i < len(tag) {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		start := i
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/' {
			i++
		}
		attr := string(tag[start:i])
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if attr == "" || i >= len(tag) || tag[i] != '=' {
			break // "/>" or ">" (or something the decoder would have refused)
		}
		i++
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) {
			break
		}
		quote := tag[i]
		i++
		if attr == name {
			found = tagOff + i
		}
		end := bytes.IndexByte(tag[i:], quote)
		if end < 0 {
			break
		}
		i += end + 1
	}
	return found
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func firstWord(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexAny(s, " \t\r\n["); i >= 0 {
		s = s[:i]
	}
	return s
}

func lineCol(f *token.File, off int) string {
	p := f.OffsetPosition(off)
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// passThrough accepts any declared encoding: by the time the decoder runs
// the text is UTF-8 (UTF-16 input was decoded first), whatever the XML
// declaration still says.
func passThrough(_ string, r io.Reader) (io.Reader, error) { return r, nil }
