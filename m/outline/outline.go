// Package outline summarizes a parsed M document in the JSON shape of
// the pqref harness's check mode, so that our parser and the reference
// parser can be compared record by record.
package outline

import (
	"encoding/json"
	"errors"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/scanner"
)

// Record is one document's outline. Success records have OK set and
// Kind "section" or "expression"; failure records have Error, Line and
// Column (1-based, 0 when unknown), or Stage "read" when the file could
// not be read (see ReadFailure).
type Record struct {
	File              string
	OK                bool
	Stage             string // "read" for a file that could not be read, else ""
	Kind              string
	SectionName       *string        // nil for expression documents
	LiteralAttributes map[string]any // nil when absent
	Members           []Member       // nil for expression documents
	Error             string
	Line, Column      int
}

// Member is a section member: its decoded name, whether it is shared,
// and its literal attributes: nil when it has none, empty (and still
// output, as pqref does) when it has `[]`.
type Member struct {
	Name       string         `json:"name"`
	Shared     bool           `json:"shared"`
	Attributes map[string]any `json:"attributes,omitzero"`
}

// ReadFailure is the record of a file that could not be read (missing,
// unreadable, a folder), in the shape of pqref's.
func ReadFailure(file string, err error) Record {
	return Record{File: file, Stage: "read", Error: err.Error()}
}

// Outline builds the record of file from the result of parser.ParseFile.
func Outline(file string, f *ast.File, err error) Record {
	if err != nil || f == nil {
		r := Record{File: file, Error: "no syntax tree"}
		if err != nil {
			r.Error = err.Error()
		}
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			r.Error = list[0].Msg
			r.Line, r.Column = list[0].Pos.Line, list[0].Pos.Column
		}
		return r
	}
	if f.Section == nil {
		return Record{File: file, OK: true, Kind: "expression"}
	}
	sec := f.Section
	r := Record{File: file, OK: true, Kind: "section", Members: []Member{}}
	if sec.Name != nil {
		r.SectionName = &sec.Name.Name
	}
	r.LiteralAttributes = attributes(sec.Attrs)
	for _, m := range sec.Members {
		r.Members = append(r.Members, Member{Name: m.Name.Name, Shared: m.IsShared(), Attributes: attributes(m.Attrs)})
	}
	return r
}

// attributes converts literal attributes to JSON values, or nil.
func attributes(x *ast.RecordExpr) map[string]any {
	if x == nil {
		return nil
	}
	v, ok := ast.LiteralValue(x)
	if !ok {
		return map[string]any{}
	}
	return v.(map[string]any)
}

// MarshalJSON writes the pqref shape: the success fields, or the failure
// fields, never both.
func (r Record) MarshalJSON() ([]byte, error) {
	if !r.OK && r.Stage == "read" {
		return json.Marshal(struct {
			File      string `json:"file"`
			OK        bool   `json:"ok"`
			Stage     string `json:"stage"`
			ErrorKind string `json:"errorKind"`
			Error     string `json:"error"`
		}{r.File, false, r.Stage, "ReadError", r.Error})
	}
	if !r.OK {
		return json.Marshal(struct {
			File   string `json:"file"`
			OK     bool   `json:"ok"`
			Error  string `json:"error"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		}{r.File, false, r.Error, r.Line, r.Column})
	}
	return json.Marshal(struct {
		File              string         `json:"file"`
		OK                bool           `json:"ok"`
		Kind              string         `json:"kind"`
		SectionName       *string        `json:"sectionName"`
		LiteralAttributes map[string]any `json:"literalAttributes"`
		Members           []Member       `json:"members"`
	}{r.File, true, r.Kind, r.SectionName, r.LiteralAttributes, r.Members})
}
