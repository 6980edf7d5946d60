package scaffold

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
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

// The certification page forbids these words in kind and function names.
// The regexps match them case-insensitively in an identifier; API has its
// own matcher because "api" is also inside ordinary words ("Rapid").
var forbidden = []struct {
	word string
	re   *regexp.Regexp
}{
	{"Power BI", regexp.MustCompile(`(?i)power_*bi`)},
	{"Fabric", regexp.MustCompile(`(?i)fabric`)},
	{"Connector", regexp.MustCompile(`(?i)connector`)},
}

// mKeywords are the words M reserves; none can name a section or a kind.
var mKeywords = map[string]bool{
	"and": true, "as": true, "each": true, "else": true, "error": true, "false": true, "if": true,
	"in": true, "is": true, "let": true, "meta": true, "not": true, "null": true, "or": true,
	"otherwise": true, "section": true, "shared": true, "then": true, "true": true, "try": true,
	"type": true,
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// maxNameLen keeps file names (NAME80.png, NAME.query.pq) and the Get Data
// label reasonable.
const maxNameLen = 64

// CheckName refuses a connector name that is not a plain M identifier, is
// an M keyword, or holds a word certification forbids.
func CheckName(name string) error {
	switch {
	case name == "":
		return &NameError{Name: name, Reason: "is empty", Suggestion: "Contoso"}
	case !identRe.MatchString(name):
		return &NameError{Name: name, Reason: "is not a valid M identifier (a letter or _, then letters, digits or _)", Suggestion: sanitize(name)}
	case mKeywords[name]:
		return &NameError{Name: name, Reason: "is an M keyword", Suggestion: "Contoso"}
	case len(name) > maxNameLen:
		return &NameError{Name: name, Reason: fmt.Sprintf("is longer than %d characters", maxNameLen)}
	}
	if word, spans := forbiddenSpans(name); word != "" {
		return &NameError{
			Name:       name,
			Word:       word,
			Reason:     fmt.Sprintf("contains %q, a word certification forbids in connector names (Fabric, Power BI, Connector, API)", word),
			Suggestion: withoutSpans(name, spans),
		}
	}
	return nil
}

// ForbiddenWord returns the first forbidden word in s (any text: a name or a
// label), or "".
func ForbiddenWord(s string) string {
	w, _ := forbiddenSpans(s)
	return w
}

// forbiddenSpans finds every forbidden word in s, returning the first
// one's canonical spelling and the byte spans of all of them.
func forbiddenSpans(s string) (string, [][2]int) {
	type hit struct {
		word string
		span [2]int
	}
	var hits []hit
	for _, f := range forbidden {
		for _, m := range f.re.FindAllStringIndex(s, -1) {
			hits = append(hits, hit{f.word, [2]int{m[0], m[1]}})
		}
	}
	for _, sp := range apiSpans(s) {
		hits = append(hits, hit{"API", sp})
	}
	if len(hits) == 0 {
		return "", nil
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].span[0] < hits[j].span[0] })
	spans := make([][2]int, len(hits))
	for i, h := range hits {
		spans[i] = h.span
	}
	return hits[0].word, spans
}

// apiSpans finds "API" as a word of an identifier or phrase: ContosoAPI,
// APIHub, Contoso_Api, ContosoApis, "Contoso API" — but not the letters
// inside Rapid or MyApiary. In a name without lower-case letters
// (CAPITALAPI) word edges are invisible, so only separators count there.
func apiSpans(s string) [][2]int {
	lower := strings.ToLower(s)
	allUpper := strings.ToUpper(s) == s
	var out [][2]int
	for i := 0; ; {
		j := strings.Index(lower[i:], "api")
		if j < 0 {
			return out
		}
		start, end := i+j, i+j+3
		i = end
		// Skip a plural s: APIs, Apis.
		r := end
		if r < len(s) && s[r] == 's' {
			r++
		}
		left := start == 0 || !isLetter(s[start-1])
		right := r == len(s) || !isLetter(s[r])
		switch {
		case allUpper:
		case s[start:end] == "API": // an upper-case API in mixed case is the acronym
			left, right = true, true
		default:
			left = left || s[start] == 'A' && isLower(s[start-1])
			right = right || isUpper(s[r])
		}
		if left && right {
			out = append(out, [2]int{start, r})
		} else {
			i = start + 1
		}
	}
}

func isLetter(c byte) bool { return isUpper(c) || isLower(c) }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool  { return c >= 'a' && c <= 'z' }

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
	if len(s) < 2 || !identRe.MatchString(s) || mKeywords[s] || ForbiddenWord(s) != "" {
		return "Contoso"
	}
	return s
}

// sanitize turns an invalid name into a valid one by dropping the
// characters M identifiers cannot hold ("Contoso Sales" → "ContosoSales").
func sanitize(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isLetter(c) || c == '_' || c >= '0' && c <= '9' && b.Len() > 0 {
			b.WriteByte(c)
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
