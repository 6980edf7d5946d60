// Package scaffold writes a new Power Query connector, from the templates
// package, that passes every pqcert rule from its first commit.
package scaffold

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqcert/pqcert/checks"
)

// Options are the choices a partner makes up front.
type Options struct {
	Name         string   // the connector, data source kind and section name
	Dir          string   // the folder that receives Name/ ("" is the current folder)
	Auth         []string // authentication kinds; none means Anonymous
	URL          string   // a fixed https service root; "" lets the user enter it
	Category     string   // the Get Data category ("" is Other)
	Function     string   // the exported function after "Name." ("" is Contents)
	Label        string   // the name Get Data shows ("" derives it from Name)
	LearnMoreURL string   // an https page about the connector, optional
	Version      string   // the pqcert release the generated hooks pin
	Force        bool     // write over files of an existing Name/ folder
}

// AuthKinds are the authentication kinds a scaffold can write, in the
// order the data source kind lists them by default.
var AuthKinds = []string{"Anonymous", "Key", "UsernamePassword", "Windows", "OAuth", "Aad"}

// authAliases maps what people type to the kind's name in M.
var authAliases = map[string]string{
	"anonymous": "Anonymous", "implicit": "Anonymous",
	"key": "Key", "apikey": "Key",
	"usernamepassword": "UsernamePassword", "basic": "UsernamePassword",
	"windows": "Windows",
	"oauth":   "OAuth", "oauth2": "OAuth",
	"aad": "Aad", "entra": "Aad", "entraid": "Aad",
}

// AuthAliasList describes the other spellings --auth accepts, grouped by
// kind in AuthKinds order: "implicit (Anonymous), apikey (Key), …".
func AuthAliasList() string {
	var parts []string
	for _, k := range AuthKinds {
		var names []string
		for alias, kind := range authAliases {
			if kind == k && alias != strings.ToLower(k) {
				names = append(names, alias)
			}
		}
		sort.Strings(names)
		if len(names) > 0 {
			parts = append(parts, strings.Join(names, ", ")+" for "+k)
		}
	}
	return strings.Join(parts, "; ")
}

// DomainFunctions are the function names certification gives as examples of
// names that make sense for a domain.
var DomainFunctions = []string{"Contents", "Tables", "Document", "Databases", "Feed", "Files"}

// Categories are the Publish categories with special handling in Get Data
// (and Other, the default). Any other text is allowed, but Get Data shows
// it under Other, so it earns a note.
var Categories = []string{"Azure", "Database", "Other"}

var categoryRe = regexp.MustCompile(`^[\pL\pN][\pL\pN &,.()-]{0,39}$`)

// normalize checks the options and fills in defaults. Errors are the
// user's to fix: the caller exits 2 and writes nothing.
func (o Options) normalize() (Options, error) {
	if err := CheckName(o.Name); err != nil {
		return o, err
	}
	if o.Dir == "" {
		o.Dir = "."
	}
	kinds, err := normalizeAuth(o.Auth)
	if err != nil {
		return o, err
	}
	o.Auth = kinds
	if o.URL != "" {
		if o.URL, err = httpsURL("--url", o.URL); err != nil {
			return o, err
		}
		if !strings.HasSuffix(o.URL, "/") {
			// A root without the slash would lose its last segment when
			// Web.Contents joins RelativePath and Uri.Combine resolves.
			o.URL += "/"
		}
	}
	if o.LearnMoreURL != "" {
		if o.LearnMoreURL, err = httpsURL("--learn-more-url", o.LearnMoreURL); err != nil {
			return o, err
		}
	}
	if o.Category == "" {
		o.Category = "Other"
	}
	if !categoryRe.MatchString(o.Category) {
		return o, fmt.Errorf("--category %q: expected up to 40 letters, digits and spaces, such as %s", o.Category, strings.Join(Categories, ", "))
	}
	for _, c := range Categories {
		if strings.EqualFold(o.Category, c) {
			o.Category = c
		}
	}
	if o.Function == "" {
		o.Function = "Contents"
	}
	if err := checkFunction(o.Name, o.Function); err != nil {
		return o, err
	}
	if o.Label == "" {
		o.Label = splitWords(o.Name)
	}
	if strings.ContainsAny(o.Label, "\r\n\t") || utf8.RuneCountInString(o.Label) > 80 {
		return o, fmt.Errorf("--label %q: expected one line of at most 80 characters", o.Label)
	}
	if w := ForbiddenWord(o.Label); w != "" {
		return o, fmt.Errorf("--label %q contains %q, a word certification forbids in what Get Data shows", o.Label, w)
	}
	if o.Version == "" || o.Version == "dev" {
		o.Version = "v0.1.0"
	}
	return o, nil
}

// checkFunction refuses an exported function name that check-certification
// would report: not an M identifier, a forbidden word (PQ013), or a name
// that does not say what it returns (PQ014: GetTables, Test, Function1,
// ContentsHelper).
func checkFunction(name, fn string) error {
	domain := "expected a domain word such as " + strings.Join(DomainFunctions, ", ")
	if !isIdent(fn) || mKeywords[fn] {
		return fmt.Errorf("--function %q is not a valid M identifier; %s", fn, domain)
	}
	if w := ForbiddenWord(fn); w != "" {
		return fmt.Errorf("--function %q contains %q, a word certification forbids in function names (PQ013); %s", fn, w, domain)
	}
	if why := checks.UnusualFunctionNameReason(name, fn); why != "" {
		return fmt.Errorf("--function %q: %s (check-certification --strict reports it as PQ014); %s", fn, why, domain)
	}
	return nil
}

// CategoryNote says what Get Data does with a category that has no
// special handling, or "" for Azure, Database and Other.
func CategoryNote(category string) string {
	for _, c := range Categories {
		if category == "" || strings.EqualFold(category, c) {
			return ""
		}
	}
	return fmt.Sprintf("note: --category %q: Get Data gives only Azure and Database their own place; %q will be listed under Other", category, category)
}

// normalizeAuth maps the --auth values to kind names, dropping repeats and
// keeping the user's order (the first is the one Power Query offers first).
func normalizeAuth(in []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, v := range in {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			k, ok := authAliases[strings.ToLower(part)]
			if !ok {
				return nil, fmt.Errorf("--auth %q: expected one of %s (or %s)", part, strings.Join(AuthKinds, ", "), AuthAliasList())
			}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	if len(out) == 0 {
		out = []string{"Anonymous"}
	}
	return out, nil
}

// httpsURL accepts an absolute https URL without credentials, query or
// fragment: certification wants every request on HTTPS, and a URL with a
// user name or a key in it would put a secret into the connector's code.
func httpsURL(flag, raw string) (string, error) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "", fmt.Errorf("%s %q: %v", flag, raw, err)
	case u.Scheme != "https":
		return "", fmt.Errorf("%s %q: expected an https:// address (certification requires HTTPS)", flag, raw)
	case u.Host == "":
		return "", fmt.Errorf("%s %q: expected a host name after https://", flag, raw)
	case u.User != nil:
		return "", fmt.Errorf("%s %q: a URL must not carry a user name or password", flag, raw)
	case u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("%s %q: expected no query or fragment; the connector adds its own", flag, raw)
	case strings.ContainsAny(raw, "\"\r\n<>"):
		return "", fmt.Errorf("%s %q: unexpected quote or line break", flag, raw)
	}
	return u.String(), nil
}

// splitWords turns a camel-case name into the words a person reads:
// ContosoSales → "Contoso Sales", Contoso_HR → "Contoso HR",
// ÑanduDatos → "Ñandu Datos". Letters of any script count.
func splitWords(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, c := range rs {
		if c == '_' {
			b.WriteByte(' ')
			continue
		}
		if i > 0 && unicode.IsUpper(c) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
