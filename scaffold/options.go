// Package scaffold writes a new Power Query connector, from the templates
// package, that passes every pqcert rule from its first commit.
package scaffold

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
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

// DomainFunctions are the function names certification gives as examples of
// names that make sense for a domain.
var DomainFunctions = []string{"Contents", "Tables", "Document", "Databases", "Feed", "Files"}

// Categories with special handling in Get Data; any other text lands under
// Other, so it is allowed but worth a note.
var Categories = []string{"Azure", "Database", "Online Services", "Other"}

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
	if o.Function == "" {
		o.Function = "Contents"
	}
	if !identRe.MatchString(o.Function) || mKeywords[o.Function] {
		return o, fmt.Errorf("--function %q is not a valid M identifier; expected a domain word such as %s", o.Function, strings.Join(DomainFunctions, ", "))
	}
	if w := ForbiddenWord(o.Function); w != "" {
		return o, fmt.Errorf("--function %q contains %q, a word certification forbids in function names", o.Function, w)
	}
	if o.Label == "" {
		o.Label = splitWords(o.Name)
	}
	if strings.ContainsAny(o.Label, "\r\n\t") || len(o.Label) > 80 {
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
				return nil, fmt.Errorf("--auth %q: expected one of %s", part, strings.Join(AuthKinds, ", "))
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
// ContosoSales → "Contoso Sales", Contoso_HR → "Contoso HR".
func splitWords(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '_' {
			b.WriteByte(' ')
			continue
		}
		if i > 0 && isUpper(c) && (isLower(name[i-1]) || i+1 < len(name) && isLower(name[i+1]) && isUpper(name[i-1])) {
			b.WriteByte(' ')
		}
		b.WriteByte(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
