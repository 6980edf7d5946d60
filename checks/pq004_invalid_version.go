package checks

import (
	"regexp"
	"strings"
)

// InvalidVersion (PQ004) reports a [Version] that is not a semantic version.
var InvalidVersion = &Rule{
	ID:       "PQ004",
	Name:     "invalid-version",
	Severity: Error,
	Title:    "the version is not major.minor.patch with an optional -prerelease",
	Doc: "Reports a section `Version` attribute that is not a text literal holding a semantic version: three " +
		"numbers without leading zeros, `major.minor.patch`, optionally followed by a pre-release label such as " +
		"`-rc.1` (\"1.2.0\", \"2.15.0-rc\"). Power Query's versioning guidance gives the three numbers their meaning " +
		"(major for breaking changes, minor for new features, patch for fixes), and pqcert compares versions this way to " +
		"tell whether a change raised the version (PQ005, PQ006); a \"1.0\", a \"v1.2.3\", a four-part \"1.2.3.4\" or a " +
		"number instead of text cannot be compared. Write the version as text in that form. The placeholder given with " +
		"--version-placeholder (a value CI replaces when it stamps the build) is accepted as it is.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.4\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": "[Version = \"1.4.0-beta.2\"]\nsection Contoso;\n\n[DataSource.Kind = \"Contoso\", Publish = \"Contoso.Publish\"]\n" +
			"shared Contoso.Contents = () => Json.Document(Web.Contents(\"https://api.contoso.com/v1/orders\"));\n",
	}},
	Run: func(p *Pass) {
		v := sectionVersion(p.Conn)
		if v == nil {
			return
		}
		f := p.Conn.Main
		if v.Lit == nil {
			src := f.Src.Source()
			raw := ""
			if v.Field.Value != nil {
				if a, b := v.Field.Value.Pos().Offset(), v.Field.Value.End().Offset(); 0 <= a && a <= b && b <= len(src) {
					raw = string(src[a:b])
				}
			}
			hint := "\"1.0.0\""
			if s, ok := normalizeVersion(raw); ok {
				hint = `"` + s + `"`
			}
			p.Report(f, v.node(), "Version must be a text literal such as %s, found %s", hint, raw)
			return
		}
		if isPlaceholder(p, v.Text) {
			return
		}
		if _, ok := parseSemver(v.Text); ok {
			return
		}
		if s, ok := normalizeVersion(v.Text); ok {
			p.Report(f, v.node(), "version %q is not major.minor.patch with an optional -prerelease; write %q", v.Text, s)
			return
		}
		p.Report(f, v.node(), "version %q is not major.minor.patch with an optional -prerelease; write it like \"1.2.0\" or \"1.2.0-rc.1\"", v.Text)
	},
}

var versionNumbersRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*`)

// normalizeVersion guesses the semantic version meant by a malformed one:
// spaces trimmed, a leading "v" dropped, build metadata cut, two numbers
// completed with ".0", leading zeros removed. ok is false when the guess
// is not a valid version either (four numbers, words).
func normalizeVersion(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "v"), "V")
	s, _, _ = strings.Cut(s, "+")
	nums := versionNumbersRE.FindString(s)
	if nums == "" {
		return "", false
	}
	rest := s[len(nums):]
	parts := strings.Split(nums, ".")
	if len(parts) == 1 || len(parts) == 2 {
		for len(parts) < 3 {
			parts = append(parts, "0")
		}
	}
	for i, n := range parts {
		if t := strings.TrimLeft(n, "0"); t != "" {
			parts[i] = t
		} else {
			parts[i] = "0"
		}
	}
	out := strings.Join(parts, ".") + rest
	_, ok := parseSemver(out)
	return out, ok
}
