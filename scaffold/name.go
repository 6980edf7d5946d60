package scaffold

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/m/scanner"
)

// NameError says why a connector name was refused, and what to use instead
// when there is an obvious fix.
type NameError struct {
	Name       string
	Word       string // the forbidden word found, "" for other reasons
	Reason     string
	Suggestion string
}

func (e *NameError) Error() string {
	msg := fmt.Sprintf("name %q %s", e.Name, e.Reason)
	if e.Suggestion != "" {
		msg += fmt.Sprintf("; try %q", e.Suggestion)
	}
	return msg
}

// mKeywords are the words M reserves; none can name a section or a kind.
var mKeywords = map[string]bool{
	"and": true, "as": true, "each": true, "else": true, "error": true, "false": true, "if": true,
	"in": true, "is": true, "let": true, "meta": true, "not": true, "null": true, "or": true,
	"otherwise": true, "section": true, "shared": true, "then": true, "true": true, "try": true,
	"type": true,
}

// maxNameLen keeps file names (NAME80.png, NAME.query.pq) and the Get Data
// label reasonable; it counts characters, not bytes.
const maxNameLen = 64

// isIdent reports whether s is one plain M identifier of the letters of any
// script, digits and underscores: a letter or _ first (M's own identifier
// characters, as the scanner reads them), no dots.
//
// M also allows combining marks (Mn, Mc), connectors (Pc) and format
// characters (Cf) after the first letter. They are refused here: the name
// becomes file names and the .mez's entries, and a name spelled with a
// combining mark (N + U+0303 for Ñ) is stored differently by file systems
// that normalize (macOS), while a format character is invisible.
func isIdent(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		if i == 0 && !scanner.IsIdentStart(r) {
			return false
		}
		if !scanner.IsIdentPart(r) || !plainIdentRune(r) {
			return false
		}
	}
	return true
}

func plainIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Nd, r)
}

// CheckName refuses a connector name that is not a plain M identifier, is
// an M keyword, or holds a word certification forbids (as PQ013 finds it).
func CheckName(name string) error {
	switch {
	case name == "":
		return &NameError{Name: name, Reason: "is empty", Suggestion: "Contoso"}
	case !isIdent(name):
		return &NameError{Name: name, Reason: "is not a valid M identifier (a letter of any script or _, then letters, digits or _)" + markNote(name), Suggestion: sanitize(name)}
	case mKeywords[name]:
		return &NameError{Name: name, Reason: "is an M keyword", Suggestion: "Contoso"}
	case utf8.RuneCountInString(name) > maxNameLen:
		return &NameError{Name: name, Reason: fmt.Sprintf("is longer than %d characters", maxNameLen), Suggestion: sanitize(string([]rune(name)[:maxNameLen]))}
	}
	if word := ForbiddenWord(name); word != "" {
		return &NameError{
			Name:       name,
			Word:       word,
			Reason:     fmt.Sprintf("contains %q, a word certification forbids in connector names (Fabric, Power BI, Connector, API)", word),
			Suggestion: withoutSpans(name, checks.ForbiddenWordSpans(name)),
		}
	}
	return nil
}

// markNote explains a combining mark or an invisible character, the one
// refusal a user cannot see in the name.
func markNote(name string) string {
	for _, r := range name {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Mc):
			return fmt.Sprintf("; it holds the combining mark U+%04X: type the accented letter as one character (NFC)", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("; it holds the invisible character U+%04X", r)
		}
	}
	return ""
}

// ForbiddenWord returns the first forbidden word in s (any text: a name or a
// label), or "": exactly what check-certification's PQ013 finds.
func ForbiddenWord(s string) string { return checks.FindForbiddenWord(s) }

// withoutSpans removes the spans from name and returns what is left when it
// is a usable name, else a neutral example.
func withoutSpans(name string, spans [][2]int) string {
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last {
			continue // overlapping matches
		}
		b.WriteString(name[last:sp[0]])
		last = sp[1]
	}
	b.WriteString(name[last:])
	s := strings.Trim(b.String(), "_")
	for strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "__", "_")
	}
	if utf8.RuneCountInString(s) < 2 || !isIdent(s) || mKeywords[s] || ForbiddenWord(s) != "" {
		return "Contoso"
	}
	return s
}

// sanitize turns an invalid name into a valid one by dropping the
// characters a connector name cannot hold ("Contoso Sales" →
// "ContosoSales", "Ñandu Datos" → "ÑanduDatos"). A combining mark is
// folded into its letter where the letter has a precomposed Latin form
// (N + U+0303 → Ñ), and dropped otherwise.
func sanitize(name string) string {
	var b strings.Builder
	var prev rune = -1
	for _, r := range name {
		if r == utf8.RuneError {
			continue
		}
		if unicode.In(r, unicode.Mn, unicode.Mc) {
			if c, ok := compose(prev, r); ok {
				s := b.String()
				b.Reset()
				b.WriteString(s[:len(s)-utf8.RuneLen(prev)])
				b.WriteRune(c)
				prev = c
			}
			continue
		}
		if plainIdentRune(r) && (b.Len() > 0 || scanner.IsIdentStart(r)) {
			b.WriteRune(r)
			prev = r
		} else {
			prev = -1
		}
	}
	err := CheckName(b.String())
	if err == nil {
		return b.String()
	}
	if ne, ok := err.(*NameError); ok && ne.Suggestion != "" && CheckName(ne.Suggestion) == nil {
		return ne.Suggestion
	}
	return "Contoso"
}
