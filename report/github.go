package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/pqcert/pqcert/checks"
)

var _ Reporter = (*GitHub)(nil)

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C,title=PQ005 version-not-bumped::message
type GitHub struct{}

func (*GitHub) Report(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		cmd := "warning"
		if d.Severity == checks.Error {
			cmd = "error"
		}
		props := []string{"file=" + escapeProperty(d.File)}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
			// GitHub takes columns only for a span on one line.
			sameLine := d.EndLine == 0 || d.EndLine == d.Line
			if sameLine && d.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Column))
			}
			if d.EndLine > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", d.EndLine))
			}
			if sameLine && d.EndColumn > 0 {
				props = append(props, fmt.Sprintf("endColumn=%d", d.EndColumn))
			}
		}
		props = append(props, "title="+escapeProperty(d.Rule+" "+d.Name))
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(d.Message))
	}
	return bw.Flush()
}

// escapeData escapes a command's message as the runner unescapes it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value, where ':' and ',' would end it.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
