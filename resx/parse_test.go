package resx

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pqcert/pqcert/m/token"
)

// header is the start of the resx Visual Studio writes: its comment holds
// example <data> elements that must not become entries.
const header = `<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- 
    Microsoft ResX Schema 
    
    Example:
    
    ... ado.net/XML headers & schema ...
    <resheader name="resmimetype">text/microsoft-resx</resheader>
    <data name="Name1"><value>this is my long string</value><comment>this is a comment</comment></data>
    <data name="Color1" type="System.Drawing.Color, System.Drawing">Blue</data>
    <data name="Bitmap1" mimetype="application/x-microsoft.net.object.binary.base64">
        <value>[base64 mime encoded serialized .NET Framework object]</value>
    </data>
  -->
  <xsd:schema id="root" xmlns="" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:msdata="urn:schemas-microsoft-com:xml-msdata">
    <xsd:element name="root" msdata:IsDataSet="true">
      <xsd:complexType><xsd:choice maxOccurs="unbounded">
        <xsd:element name="data"><xsd:complexType><xsd:sequence>
          <xsd:element name="value" type="xsd:string" minOccurs="0" msdata:Ordinal="1" />
        </xsd:sequence></xsd:complexType></xsd:element>
      </xsd:choice></xsd:complexType>
    </xsd:element>
  </xsd:schema>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
`

// entry is what a test expects of an Entry; positions are "line:col".
type entry struct {
	name, value, comment, typ, space string
	hasValue                         bool
	pos, end, namePos, valuePos      string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		src      string
		entries  []entry
		comments []string // "line:col text" (text trimmed)
		culture  string
	}{
		{
			name: "header comment yields no entries",
			path: "Contoso/resources.resx",
			src: header + `  <data name="ButtonTitle" xml:space="preserve">
    <value>Contoso</value>
  </data>
</root>
`,
			entries: []entry{{name: "ButtonTitle", value: "Contoso", space: "preserve", hasValue: true,
				pos: "28:3", end: "30:10", namePos: "28:15", valuePos: "29:12"}},
			comments: []string{"3:3 Microsoft ResX Schema"},
		},
		{
			name: "CRLF line endings",
			src:  "<root>\r\n  <data name=\"A\">\r\n    <value>x</value>\r\n  </data>\r\n</root>\r\n",
			entries: []entry{{name: "A", value: "x", hasValue: true,
				pos: "2:3", end: "4:10", namePos: "2:15", valuePos: "3:12"}},
		},
		{
			name: "UTF-8 BOM does not count as a column",
			src:  "\uFEFF<root><data name=\"A\"><value>x</value></data></root>",
			entries: []entry{{name: "A", value: "x", hasValue: true,
				pos: "1:7", end: "1:45", namePos: "1:19", valuePos: "1:29"}},
		},
		{
			name: "non-ASCII names and values, columns in characters",
			src:  "<root>\n<!-- überschrift -->\n<data name=\"Größe\"><value>Prüfung ✓</value></data><data name=\"z\"><value>é</value></data>\n</root>",
			entries: []entry{
				{name: "Größe", value: "Prüfung ✓", hasValue: true,
					pos: "3:1", end: "3:51", namePos: "3:13", valuePos: "3:27"},
				{name: "z", value: "é", hasValue: true,
					pos: "3:51", end: "3:89", namePos: "3:63", valuePos: "3:73"},
			},
			comments: []string{"2:1 überschrift"},
		},
		{
			name: "duplicate names are both kept",
			src:  "<root>\n<data name=\"K\"><value>1</value></data>\n<data name=\"K\"><value>2</value></data>\n</root>",
			entries: []entry{
				{name: "K", value: "1", hasValue: true, pos: "2:1", end: "2:39", namePos: "2:13", valuePos: "2:23"},
				{name: "K", value: "2", hasValue: true, pos: "3:1", end: "3:39", namePos: "3:13", valuePos: "3:23"},
			},
		},
		{
			name: "xml:space preserve keeps whitespace verbatim",
			src:  "<root><data name=\"S\" xml:space=\"preserve\"><value>  two  spaces </value></data></root>",
			entries: []entry{{name: "S", value: "  two  spaces ", space: "preserve", hasValue: true,
				pos: "1:7", end: "1:79", namePos: "1:19", valuePos: "1:50"}},
		},
		{
			name: "empty and missing values",
			src:  "<root>\n<data name=\"E\"><value/></data>\n<data name=\"F\"><value></value></data>\n<data name=\"M\"/>\n<data name=\"N\"><comment>no value</comment></data>\n</root>",
			entries: []entry{
				{name: "E", hasValue: true, pos: "2:1", end: "2:31", namePos: "2:13", valuePos: "2:16"},
				{name: "F", hasValue: true, pos: "3:1", end: "3:38", namePos: "3:13", valuePos: "3:16"},
				{name: "M", pos: "4:1", end: "4:17", namePos: "4:13"},
				{name: "N", comment: "no value", pos: "5:1", end: "5:50", namePos: "5:13"},
			},
		},
		{
			name: "typed resources",
			src: `<root>
  <assembly alias="System.Windows.Forms" name="System.Windows.Forms, Version=4.0.0.0" />
  <data name="Icon16" type="System.Resources.ResXFileRef, System.Windows.Forms">
    <value>Contoso16.png;System.Byte[], mscorlib, Version=4.0.0.0</value>
  </data>
</root>`,
			entries: []entry{{name: "Icon16", value: "Contoso16.png;System.Byte[], mscorlib, Version=4.0.0.0",
				typ: "System.Resources.ResXFileRef, System.Windows.Forms", hasValue: true,
				pos: "3:3", end: "5:10", namePos: "3:15", valuePos: "4:12"}},
		},
		{
			name: "entities, CDATA and a name with spaces around =",
			src:  "<root><data   name = 'a&amp;b' ><value><![CDATA[<b>]]></value></data></root>",
			entries: []entry{{name: "a&b", value: "<b>", hasValue: true,
				pos: "1:7", end: "1:70", namePos: "1:23", valuePos: "1:40"}},
		},
		{
			name: "data outside root children is not an entry",
			src:  "<root><resheader name=\"x\"><data name=\"inner\"/></resheader><data name=\"ok\"><value>v</value></data></root>",
			entries: []entry{{name: "ok", value: "v", hasValue: true,
				pos: "1:59", end: "1:98", namePos: "1:71", valuePos: "1:82"}},
		},
		{
			name:    "culture from the file name",
			path:    `C:\src\Contoso\resources.de-DE.resx`,
			src:     "<root/>",
			culture: "de-DE",
		},
		{
			name: "pqcert:ignore directive comment",
			src:  "<root>\n  <!-- pqcert:ignore PQ032 loaded by the host -->\n  <data name=\"Host\"><value>x</value></data>\n</root>",
			entries: []entry{{name: "Host", value: "x", hasValue: true,
				pos: "3:3", end: "3:44", namePos: "3:15", valuePos: "3:28"}},
			comments: []string{"2:3 pqcert:ignore PQ032 loaded by the host"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if path == "" {
				path = "resources.resx"
			}
			f, err := Parse(path, []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Culture != tt.culture {
				t.Errorf("Culture = %q, want %q", f.Culture, tt.culture)
			}
			got := make([]entry, len(f.Entries))
			for i, e := range f.Entries {
				got[i] = entry{name: e.Name, value: e.Value, comment: e.Comment, typ: e.Type, space: e.Space,
					hasValue: e.HasValue, pos: lc(f, e.Pos), end: lc(f, e.End), namePos: lc(f, e.NamePos), valuePos: lc(f, e.ValuePos)}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.entries) {
				t.Errorf("entries:\n got %+v\nwant %+v", got, tt.entries)
			}
			var comments []string
			for _, c := range f.Comments {
				comments = append(comments, lc(f, c.Pos)+" "+firstLine(c.Text))
			}
			if fmt.Sprint(comments) != fmt.Sprint(tt.comments) {
				t.Errorf("comments:\n got %q\nwant %q", comments, tt.comments)
			}
		})
	}
}

func TestParseUTF16(t *testing.T) {
	const text = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<root>\r\n  <data name=\"Ä\"><value>ü</value></data>\r\n</root>"
	units := utf16.Encode([]rune(text))
	for _, bigEndian := range []bool{false, true} {
		src := make([]byte, 0, 2*len(units))
		for _, u := range units {
			if bigEndian {
				src = append(src, byte(u>>8), byte(u))
			} else {
				src = append(src, byte(u), byte(u>>8))
			}
		}
		f, err := Parse("resources.resx", src)
		if err != nil {
			t.Fatalf("bigEndian=%v: %v", bigEndian, err)
		}
		if len(f.Entries) != 1 || f.Entries[0].Name != "Ä" || f.Entries[0].Value != "ü" {
			t.Fatalf("bigEndian=%v: entries %+v", bigEndian, f.Entries)
		}
		if got := lc(f, f.Entries[0].NamePos); got != "3:15" {
			t.Errorf("bigEndian=%v: name at %s, want 3:15", bigEndian, got)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		pos     string // "line:col"
		msg     string // regexp
		entries []string
	}{
		{"truncated inside a value", "<root>\n<data name=\"A\"><value>a</value></data>\n<data name=\"B\"><value>b",
			"3:24", `^unexpected end of file: <value> opened at 3:16 is not closed$`, []string{"A"}},
		{"truncated inside a tag", "<root>\n<data name=\"A\"/>\n<data na",
			"3:9", `^unexpected end of file inside the markup that starts at 3:1$`, []string{"A"}},
		{"mismatched end tag", "<root>\n<data name=\"A\"><value>a</data>\n</root>",
			"2:24", `^</data> does not close <value> opened at 2:16$`, nil},
		{"unquoted attribute", "<root>\n  <data name=A><value/></data></root>",
			"2:14", `unquoted or missing attribute value in element in <root>$`, nil},
		{"billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;\">\n]>\n<root><data name=\"a\"><value>&lol2;</value></data></root>",
			"2:1", `^<!DOCTYPE> is not allowed in a resx: DOCTYPE and entity declarations are refused$`, nil},
		{"undeclared entity", "<root><data name=\"a\"><value>x &nbsp; y</value></data></root>",
			"1:31", `^invalid character entity &nbsp; \(XML knows only .*\) in <value>$`, nil},
		{"not resx", "<?xml version=\"1.0\"?>\n<configuration><appSettings/></configuration>",
			"2:1", `^the root element is <configuration>, expected <root>: not a resx file$`, nil},
		{"binary junk", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			"3:1", `^binary data \(a NUL byte\): not a resx file$`, nil},
		{"invalid UTF-8", "<root>\n<data name=\"caf\xe9\"/></root>",
			"2:16", `^invalid UTF-8 \(byte 0xE9\): save the file as UTF-8$`, nil},
		{"empty file", "", "1:1", `^no <root> element: not a resx file$`, nil},
		{"plain text", "hello world\n", "1:1", `^text before the root element: not a resx file$`, nil},
		{"second root", "<root/>\n<root/>", "2:1", `^a second top-level element <root>: XML allows one root element$`, nil},
		{"deep nesting", "<root>" + strings.Repeat("<a>", 100000), "1:196", `^elements nested more than 64 deep`, nil},
		{"odd UTF-16", "\xff\xfe<\x00r", "1:5", `^UTF-16 text with an odd number of bytes`, nil},
		{"stray end tag", "<root/></data>", "1:8", `^unexpected end tag </data>$`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("dir/resources.resx", []byte(tt.src))
			var rerr *Error
			if !errors.As(err, &rerr) {
				t.Fatalf("error = %v (%T), want *resx.Error", err, err)
			}
			if got := fmt.Sprintf("%d:%d", rerr.Pos.Line, rerr.Pos.Column); got != tt.pos {
				t.Errorf("position %s, want %s (%v)", got, tt.pos, err)
			}
			if rerr.Pos.Filename != "dir/resources.resx" {
				t.Errorf("filename %q", rerr.Pos.Filename)
			}
			if !regexp.MustCompile(tt.msg).MatchString(rerr.Msg) {
				t.Errorf("message %q does not match %q", rerr.Msg, tt.msg)
			}
			if f == nil || f.Src == nil {
				t.Fatalf("no partial File with Src")
			}
			var names []string
			for _, e := range f.Entries {
				names = append(names, e.Name)
			}
			if fmt.Sprint(names) != fmt.Sprint(tt.entries) {
				t.Errorf("partial entries %q, want %q", names, tt.entries)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	f, err := Parse("resources.resx", make([]byte, MaxSize+1))
	if err == nil || !strings.Contains(err.Error(), "MiB") || f == nil {
		t.Fatalf("got %v", err)
	}
}

// TestParseLarge parses a big, valid file and checks the last entry's
// position; BenchmarkParseLarge measures its speed.
func TestParseLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString("<root>\n")
	for i := 0; b.Len() < 4<<20; i++ {
		fmt.Fprintf(&b, "  <data name=\"K%d\" xml:space=\"preserve\"><value>value &amp; %d</value></data>\n", i, i)
	}
	b.WriteString("</root>\n")
	f, err := Parse("resources.resx", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if last := f.Entries[len(f.Entries)-1]; !strings.HasPrefix(last.Value, "value & ") || lc(f, last.Pos) != fmt.Sprintf("%d:3", len(f.Entries)+1) {
		t.Errorf("last entry %+v at %s", last, lc(f, last.Pos))
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(header + "<data name=\"a\"><value>b</value></data></root>"))
	f.Add([]byte("<root><data name='x'"))
	f.Add([]byte("\xff\xfe<\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("resources.resx", src)
		if file == nil {
			t.Fatal("nil File")
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T", err)
			}
		}
		for _, e := range file.Entries {
			if !e.Pos.IsValid() || e.End <= e.Pos {
				t.Fatalf("bad entry positions %+v", e)
			}
		}
	})
}

func lc(f *File, p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	pos := f.Src.Position(p)
	return fmt.Sprintf("%d:%d", pos.Line, pos.Column)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// BenchmarkParseLarge parses a 4 MB resx of small entries.
func BenchmarkParseLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<root>\n")
	for i := 0; sb.Len() < 4<<20; i++ {
		fmt.Fprintf(&sb, "  <data name=\"K%d\" xml:space=\"preserve\"><value>value &amp; %d</value></data>\n", i, i)
	}
	sb.WriteString("</root>\n")
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("resources.resx", src); err != nil {
			b.Fatal(err)
		}
	}
}
