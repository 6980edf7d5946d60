package checks

import (
	"regexp"
	"strings"
)

// ResxURLValue (PQ034) reports URLs and other non-text values kept in
// resources files.
var ResxURLValue = &Rule{
	ID:       "PQ034",
	Name:     "resx-url-value",
	Severity: Error,
	Title:    "a URL or other value in resources.resx: URLs and values belong in code",
	Doc: "Finds resx entries whose value is not text for people but a value the code uses: a URL " +
		"(the whole value is one scheme://… or www.… address, such as a LearnMoreUrl or an OAuth endpoint), " +
		"a GUID (a client or tenant id), or a non-string resource (a type attribute other than System.String, such as an embedded bitmap or a file reference). " +
		"A sentence that mentions an address among other words is text and is left alone. " +
		"Certification asks for URLs and values in the connector code: a translator may change a resx value, " +
		"a reviewer looks for endpoints in the M code, and Extension.LoadString reads strings only. " +
		"Move the value into a constant in the .pq file (for example `LearnMoreUrl = \"https://contoso.com/help\"`), " +
		"package binary content as its own file read with Extension.Contents, and delete the entry.",
	Requirement: "URLs and values should be hardcoded in the connector code and not be placed in the resources.resx file.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq":     resxExampleMain(`Contoso.Publish = [Beta = true, LearnMoreUrl = Extension.LoadString("LearnMoreUrl")];`),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "LearnMoreUrl", "https://contoso.com/powerquery"),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq":     resxExampleMain(`Contoso.Publish = [Beta = true, LearnMoreUrl = "https://contoso.com/powerquery"];`),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ServerHelp", "The address of your server, for example https://contoso.example.com"),
	}},
	Run: func(p *Pass) {
		for _, r := range p.Conn.Resx {
			if r.File == nil {
				continue
			}
			for _, e := range r.File.Entries {
				if e.Name == "" {
					continue
				}
				v := strings.TrimSpace(e.Value)
				switch {
				case e.Type != "" && !strings.HasPrefix(strings.ReplaceAll(e.Type, " ", ""), "System.String"):
					reportEntry(p, r, e, "key %q holds a %q resource, not a string; package the content as its own file and read it with Extension.Contents", e.Name, e.Type)
				case urlValueRE.MatchString(v):
					reportEntry(p, r, e, "key %q holds the URL %q; URLs belong in code: put it in a constant in the .pq file and delete the entry", e.Name, v)
				case guidValueRE.MatchString(v):
					reportEntry(p, r, e, "key %q holds the id %q; ids and other values belong in code: put it in a constant in the .pq file and delete the entry", e.Name, v)
				}
			}
		}
	},
}

// urlValueRE matches a value that is a single address: scheme://… (also
// mailto: and the like would be text a user may read, so only //-URLs) or
// a bare www. host.
var urlValueRE = regexp.MustCompile(`(?i)^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$`)

// guidValueRE matches a GUID, with or without braces.
var guidValueRE = regexp.MustCompile(`(?i)^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$`)
