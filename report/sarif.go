package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/pqcert/pqcert/checks"
)

var _ Reporter = (*SARIF)(nil)

// SARIF writes a SARIF 2.1.0 log with one run, for GitHub code scanning
// and other services. The log is complete whether or not there are
// findings (an empty results list is a clean run); what a command exits
// with in SARIF mode is the caller's decision, not this writer's.
type SARIF struct{}

const (
	sarifSchema    = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion   = "2.1.0"
	informationURI = "https://github.com/pqcert/pqcert"
	srcRoot        = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	// Diagnostics count columns in code points, not SARIF's default
	// UTF-16 code units; saying so keeps non-BMP characters right.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	HelpURI              string          `json:"helpUri"`
	Help                 sarifHelp       `json:"help"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func (*SARIF) Report(w io.Writer, r *Result) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           r.Tool,
			Version:        version(r.Version),
			InformationURI: informationURI,
			Rules:          []sarifRule{},
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	if run.Tool.Driver.Name == "" {
		run.Tool.Driver.Name = "pqcert"
	}
	if r.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: rootURI(r.Root)}}
	}

	index := map[string]int{}
	addRule := func(rule *checks.Rule) int {
		if i, ok := index[rule.ID]; ok {
			return i
		}
		index[rule.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rule))
		return index[rule.ID]
	}
	for _, rule := range r.Rules {
		addRule(rule)
	}
	for _, d := range r.Diagnostics {
		// A finding of a rule the caller did not list still needs an entry
		// in rules[] for its ruleIndex.
		rule := checks.ByID(d.Rule)
		if rule == nil {
			rule = &checks.Rule{ID: d.Rule, Name: d.Name, Severity: d.Severity}
		}
		i, ok := index[d.Rule]
		if !ok {
			i = addRule(rule)
		}
		run.Results = append(run.Results, sarifResultOf(d, i))
	}

	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleOf(r *checks.Rule) sarifRule {
	short := r.Title
	if short == "" {
		short = r.Name
	}
	// GitHub code scanning requires fullDescription and help, so a rule
	// without Doc falls back to its title rather than leaving them out.
	doc := r.Doc
	if doc == "" {
		doc = short
	}
	help := sarifHelp{Text: doc, Markdown: doc}
	if r.Requirement != "" {
		help.Text += "\n\nCertification requirement: " + r.Requirement
		help.Markdown += "\n\n> " + r.Requirement
	}
	help.Text += "\n\n" + r.URL()
	help.Markdown += "\n\n[" + r.ID + " " + r.Name + "](" + r.URL() + ")"
	return sarifRule{
		ID:                   r.ID,
		Name:                 r.Name,
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: doc},
		HelpURI:              r.URL(),
		Help:                 help,
		DefaultConfiguration: sarifRuleConfig{Level: level(r.Severity)},
		Properties:           sarifRuleProps{Tags: tags(r)},
	}
}

// tags groups the rules by their ID's tens, the families of DESIGN.md.
func tags(r *checks.Rule) []string {
	family := "general"
	if len(r.ID) == 5 {
		switch r.ID[3] {
		case '1':
			family = "metadata"
		case '3':
			family = "resources"
		case '4':
			family = "tracing"
		case '5':
			family = "security"
		}
	}
	t := []string{"certification", family}
	if r.Requirement != "" {
		t = append(t, "requirement")
	}
	return t
}

func sarifResultOf(d checks.Diagnostic, ruleIndex int) sarifResult {
	loc := sarifPhysical{ArtifactLocation: artifactLocation(d.File)}
	if d.Line > 0 {
		reg := &sarifRegion{StartLine: d.Line, StartColumn: max(d.Column, 1)}
		switch {
		case d.EndLine > d.Line || d.EndLine == d.Line && d.EndColumn > reg.StartColumn:
			reg.EndLine, reg.EndColumn = d.EndLine, d.EndColumn
		default: // a point: mark one character, as the text caret does
			reg.EndLine, reg.EndColumn = d.Line, reg.StartColumn+1
		}
		loc.Region = reg
	}
	return sarifResult{
		RuleID:    d.Rule,
		RuleIndex: ruleIndex,
		Level:     level(d.Severity),
		Message:   sarifText{Text: d.Message},
		Locations: []sarifLocation{{PhysicalLocation: loc}},
	}
}

func level(s checks.Severity) string {
	if s == checks.Error {
		return "error"
	}
	return "warning"
}

// fileURI makes a relative URI reference of a repository path: '/'
// separators, each segment percent-encoded.
// artifactLocation is a path relative to %SRCROOT%, or, for an absolute
// path (a connector named by its full path), a file URI of its own.
func artifactLocation(p string) sarifArtifactLoc {
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
		return sarifArtifactLoc{URI: fileURL(p, false)}
	}
	return sarifArtifactLoc{URI: fileURI(p), URIBaseID: srcRoot}
}

func fileURI(p string) string {
	p = path.Clean(filepath.ToSlash(p))
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// rootURI makes the absolute file URI, ending in '/', that %SRCROOT%
// stands for.
func rootURI(root string) string { return fileURL(root, true) }

// fileURL makes the absolute file URI of p; dir adds the trailing '/'
// that a base URI needs.
func fileURL(p string, dir bool) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive, C:/x → /C:/x
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// version makes v acceptable as SARIF's tool.driver.version, which
// validators want to start with a digit for comparing versions: "v1.2.3"
// becomes "1.2.3", and "" or "dev" becomes "0.0.0-dev".
func version(v string) string {
	if len(v) > 1 && (v[0] == 'v' || v[0] == 'V') && isDigit(v[1]) {
		v = v[1:]
	}
	switch {
	case v == "" || v == "dev" || v == "(devel)":
		return "0.0.0-dev"
	case !isDigit(v[0]):
		return "0.0.0-" + v
	}
	return v
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
