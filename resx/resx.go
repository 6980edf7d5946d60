// Package resx reads resources.resx files (the .NET resource format that
// Power Query connectors keep their UI strings in) with positions for
// every entry, since etree itself records none.
package resx

import (
	"strings"

	"github.com/pqcert/pqcert/m/token"
)

// File is one parsed resx file.
type File struct {
	Path     string
	Culture  string // "" for resources.resx, "de-DE" for resources.de-DE.resx
	Src      *token.File
	Entries  []*Entry   // the <data> elements, in document order (not those inside XML comments)
	Comments []*Comment // XML comments, for pqcert:ignore directives
}

// Entry is one <data name="..."><value>...</value></data> element.
type Entry struct {
	Name     string
	Value    string
	Comment  string    // the <comment> child
	Type     string    // the type attribute: set for non-string resources
	MimeType string    // the mimetype attribute
	Space    string    // the xml:space attribute ("preserve" in files Visual Studio writes)
	HasValue bool      // a <value> child is present (Value "" may be <value/> or no <value> at all)
	Pos      token.Pos // the '<' of <data
	End      token.Pos // just past </data>
	NamePos  token.Pos // the first character of the name attribute's value
	ValuePos token.Pos // the first character of the value text (or the '<' of an empty <value>); NoPos without <value>
}

// Comment is an XML comment.
type Comment struct {
	Pos  token.Pos // the '<' of <!--
	Text string    // the text between <!-- and -->
}

// Error is a position in a resx file and what is wrong there.
type Error struct {
	Pos token.Position
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// CultureOf returns the culture of a resx file name: "" for
// resources.resx, "de-DE" for resources.de-DE.resx; ok is false for a name
// that is not a resources file.
func CultureOf(base string) (culture string, ok bool) {
	lower := strings.ToLower(base)
	if !strings.HasPrefix(lower, "resources") || !strings.HasSuffix(lower, ".resx") {
		return "", false
	}
	mid := base[len("resources") : len(base)-len(".resx")]
	if mid == "" {
		return "", true
	}
	if mid[0] != '.' || len(mid) < 2 {
		return "", false
	}
	return mid[1:], true
}

// Lookup returns the first entry named name, or nil.
func (f *File) Lookup(name string) *Entry {
	for _, e := range f.Entries {
		if e.Name == name {
			return e
		}
	}
	return nil
}
