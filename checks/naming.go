package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqcert/pqcert/m/ast"
)

// This file holds what PQ012, PQ013, PQ014 and PQ020 share: which section
// members are exported functions, the connector's data source kinds, and
// how a name splits into words.

// ExportedFunctions returns the section members that the connector
// exports as functions: every member with a [DataSource.Kind] attribute,
// and every other `shared` member whose value is a function (a function
// literal, `each`, Value.ReplaceType, Function.From, a module loaded with
// Extension.LoadFunction that evaluates to one, or an alias of those).
// Shared values that are not functions (a shared record, a constant) are
// not function names and are left alone.
func (c *Connector) ExportedFunctions() []*ast.Member {
	sec := c.Section()
	if sec == nil {
		return nil
	}
	var out []*ast.Member
	for _, m := range sec.Members {
		if m.Name == nil {
			continue
		}
		if m.Attrs.Lookup("DataSource.Kind") != nil {
			out = append(out, m)
			continue
		}
		// A fresh follower per member: the budget bounds the work for one
		// value, not for the whole section.
		if fw := c.newFollower(); m.IsShared() && fw.isFunction(m.Value, fw.root) {
			out = append(out, m)
		}
	}
	return out
}

// Kinds returns the distinct data source kinds the connector declares, in
// source order.
func (c *Connector) Kinds() []string {
	var out []string
	seen := map[string]bool{}
	for _, ds := range c.DataSources() {
		if ds.Kind != "" && !seen[ds.Kind] {
			seen[ds.Kind] = true
			out = append(out, ds.Kind)
		}
	}
	return out
}

// splitKindName splits an exported name `Kind.FunctionName` whose Kind is
// one of kinds (the longest that fits); ok is false when no kind prefixes it.
func splitKindName(name string, kinds []string) (kind, fn string, ok bool) {
	for _, k := range kinds {
		if strings.HasPrefix(name, k+".") && len(name) > len(k)+1 && len(k) > len(kind) {
			kind, fn, ok = k, name[len(k)+1:], true
		}
	}
	return kind, fn, ok
}

// withoutForbiddenWords returns the name PQ013 suggests for the exported
// function name: its function part, and its kind part when that is one of
// kinds, without the words certification forbids ("Contoso.ApiContents" →
// "Contoso.Contents"; a function part left empty becomes "Contents"); the
// name itself when it has none. PQ011 suggests the same name, so that the
// two rules never ask for different ones.
func withoutForbiddenWords(name string, kinds []string) string {
	kind, fn, ok := splitKindName(name, kinds)
	if !ok {
		kind, fn = "", name
	}
	if found := forbiddenWords(fn); len(found) > 0 {
		if fn = withoutWords(fn, found); fn == "" {
			fn = "Contents"
		}
	}
	if found := forbiddenWords(kind); len(found) > 0 {
		if k := withoutWords(kind, found); k != "" {
			kind = k
		}
	}
	if kind == "" {
		return fn
	}
	return kind + "." + fn
}

// nameWord is one word of a name, with its byte range in the name.
type nameWord struct {
	Text       string
	Start, End int
}

// nameWords splits a name into words at dots, underscores, hyphens, spaces
// and digits, and at camel-case boundaries: `PowerBIContoso` gives Power,
// BI, Contoso; `ContosoAPIClient` gives Contoso, API, Client. An upper-case
// run followed by a single lower-case letter stays whole, so that a plural
// acronym (`APIs`, `IDs`) is one word. Two acronyms written together are
// one run that no case change splits; an upper-case run that ends in API
// after two or more capitals is split there (`XMLAPIService` gives XML,
// API, Service), since API is the acronym certification asks about.
func nameWords(s string) []nameWord {
	words := camelWords(s)
	out := words[:0:0]
	for _, w := range words {
		upper := strings.TrimSuffix(w.Text, "s")
		if cut := len(upper) - len("API"); cut >= 2 && strings.HasSuffix(upper, "API") && isUpperASCII(upper) {
			out = append(out, nameWord{w.Text[:cut], w.Start, w.Start + cut}, nameWord{w.Text[cut:], w.Start + cut, w.End})
			continue
		}
		out = append(out, w)
	}
	return out
}

// isUpperASCII reports whether s is all upper-case ASCII letters.
func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// camelWords splits a name at separators, digits and case changes.
func camelWords(s string) []nameWord {
	var out []nameWord
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, nameWord{s[start:end], start, end})
		}
		start = -1
	}
	runes := []rune(s)
	offs := make([]int, len(runes)+1)
	for i, off := 0, 0; i < len(runes); i++ {
		offs[i] = off
		off += utf8.RuneLen(runes[i])
		offs[i+1] = off
	}
	for i, r := range runes {
		if !unicode.IsLetter(r) {
			flush(offs[i])
			continue
		}
		if start < 0 {
			start = offs[i]
			continue
		}
		prev := runes[i-1]
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(r):
			// contosoApi: a new word starts at the capital.
			flush(offs[i])
			start = offs[i]
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && lowerRun(runes, i+1) >= 2:
			// APIClient: the last capital of a run starts the next word.
			flush(offs[i])
			start = offs[i]
		}
	}
	flush(len(s))
	return out
}

// lowerRun counts the lower-case letters starting at runes[i].
func lowerRun(runes []rune, i int) int {
	n := 0
	for ; i < len(runes) && unicode.IsLower(runes[i]); i++ {
		n++
	}
	return n
}

// forbiddenWord is a word certification forbids, found in a name.
type forbiddenWord struct {
	Word       string // as the certification page spells it: "API", "Power BI"
	Start, End int    // byte range in the name
}

// forbiddenWords finds the words "Fabric", "Power BI" (also PowerBI),
// "Connector" and "API" in a name, case-insensitively, as whole words or
// camel-case parts, plural included (`APIs`, `Connectors`). A word that only
// contains one (`Rapid`, `Capital`, `Fabricator`) is a different word.
func forbiddenWords(name string) []forbiddenWord {
	ws := nameWords(name)
	var out []forbiddenWord
	for i := 0; i < len(ws); i++ {
		w := strings.ToLower(ws[i].Text)
		singular := strings.TrimSuffix(w, "s")
		switch {
		case singular == "fabric":
			out = append(out, forbiddenWord{"Fabric", ws[i].Start, ws[i].End})
		case singular == "connector":
			out = append(out, forbiddenWord{"Connector", ws[i].Start, ws[i].End})
		case singular == "api":
			out = append(out, forbiddenWord{"API", ws[i].Start, ws[i].End})
		case singular == "powerbi":
			out = append(out, forbiddenWord{"Power BI", ws[i].Start, ws[i].End})
		case w == "power" && i+1 < len(ws) && strings.TrimSuffix(strings.ToLower(ws[i+1].Text), "s") == "bi":
			out = append(out, forbiddenWord{"Power BI", ws[i].Start, ws[i+1].End})
			i++
		}
	}
	return out
}

// withoutWords returns name with the found words cut out and the
// separators they leave behind tidied; "" when nothing sensible is left.
func withoutWords(name string, found []forbiddenWord) string {
	var b strings.Builder
	last := 0
	for _, f := range found {
		b.WriteString(name[last:f.Start])
		last = f.End
	}
	b.WriteString(name[last:])
	s := b.String()
	for _, sep := range []string{"..", "__", "._", "_.", "--", "  "} {
		for strings.Contains(s, sep) {
			s = strings.ReplaceAll(s, sep, sep[:1])
		}
	}
	s = strings.Trim(s, "._- ")
	if s == "" || strings.HasSuffix(s, ".") {
		return ""
	}
	return s
}

// textAttr returns the text value of a member's literal attribute.
func textAttr(m *ast.Member, name string) (string, bool) {
	f := m.Attrs.Lookup(name)
	if f == nil {
		return "", false
	}
	return ast.TextValue(f.Value)
}

// nameIdents returns the identifiers of node n that name something (a
// member, a field, a parameter, a field selector, a section access) rather
// than refer to a value in scope.
func nameIdents(n ast.Node) []*ast.Ident {
	switch n := n.(type) {
	case *ast.Section:
		return []*ast.Ident{n.Name}
	case *ast.Member:
		return []*ast.Ident{n.Name}
	case *ast.Field:
		return []*ast.Ident{n.Name}
	case *ast.Param:
		return []*ast.Ident{n.Name}
	case *ast.FieldSpec:
		return []*ast.Ident{n.Name}
	case *ast.FieldAccessExpr:
		return []*ast.Ident{n.Name}
	case *ast.SectionAccessExpr:
		return []*ast.Ident{n.Section, n.Member}
	}
	return nil
}
