// Package report writes diagnostics in the formats the commands offer:
// text for people, json for scripts, sarif for code-scanning services and
// github for annotations in GitHub Actions logs. Exit codes are the
// caller's business; a Reporter only writes.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pqcert/pqcert/checks"
)

// Reporter writes one run's findings.
type Reporter interface {
	Report(w io.Writer, r *Result) error
}

// Result is what a run produced and what a format needs to describe it.
type Result struct {
	Diagnostics []checks.Diagnostic
	Rules       []*checks.Rule // the rules that ran, for SARIF rules[]
	Tool        string         // the command's name, e.g. "check-certification"
	Version     string         // the tool's version; "" means a development build
	Root        string         // the repository root on disk, for SARIF originalUriBaseIds; may be ""
}

// Options change how a format looks, not what it says.
type Options struct {
	// Color turns on ANSI colour in text output. The caller decides (a
	// terminal and no NO_COLOR), since only it knows where w goes.
	Color bool
	// Summary makes text output end with a line such as
	// "3 errors, 1 warning in 2 connectors", also when there are no
	// findings. Callers that want it elsewhere (stderr) use Summary().
	Summary bool
}

// Formats are the names New accepts, the default first.
var Formats = []string{"text", "json", "sarif", "github"}

// New returns the Reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	switch format {
	case "text", "":
		return &Text{Options: opts}, nil
	case "json":
		return &JSON{}, nil
	case "sarif":
		return &SARIF{}, nil
	case "github":
		return &GitHub{}, nil
	}
	return nil, fmt.Errorf("unknown format %q: valid formats are %s", format, strings.Join(Formats, ", "))
}

// Summary counts findings: "3 errors, 1 warning in 2 connectors", or
// "no findings". Connectors are those with at least one finding.
func Summary(diags []checks.Diagnostic) string {
	var errs, warns int
	conns := map[string]bool{}
	for _, d := range diags {
		if d.Severity == checks.Error {
			errs++
		} else {
			warns++
		}
		if d.Connector != "" {
			conns[d.Connector] = true
		}
	}
	if errs+warns == 0 {
		return "no findings"
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	s := strings.Join(parts, ", ")
	if len(conns) > 0 {
		s += " in " + plural(len(conns), "connector")
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
