package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqcert/pqcert/checks"
)

// tabWidth is where tab stops fall when a source line is shown, so that
// the line and the carets under it line up whatever the terminal's tabs.
const tabWidth = 4

var _ Reporter = (*Text)(nil)

// Text writes one finding per line for people and editors:
//
//	Contoso/Contoso.pq:3:9: error: message [PQ004 invalid-version]
//	   3 | [Version = "1.0"]
//	     |            ^~~~~
//
// The source line and carets follow when the finding has source text.
// Nothing is written for no findings unless Options.Summary is set.
type Text struct {
	Options Options
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiGreen  = "\x1b[32m"
)

func (t *Text) Report(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics {
		t.finding(bw, d)
	}
	if t.Options.Summary {
		fmt.Fprintln(bw, t.paint(ansiBold, Summary(r.Diagnostics)))
	}
	return bw.Flush()
}

func (t *Text) finding(w io.Writer, d checks.Diagnostic) {
	sevColor := ansiYellow
	if d.Severity == checks.Error {
		sevColor = ansiRed
	}
	// Continuation lines of a multi-line message are indented so that only
	// a finding's first line starts with "file:line:col:".
	msg := strings.ReplaceAll(strings.ReplaceAll(d.Message, "\r\n", "\n"), "\n", "\n    ")
	fmt.Fprintf(w, "%s: %s: %s %s\n",
		t.paint(ansiBold, d.Position()),
		t.paint(sevColor, d.Severity.String()),
		msg,
		t.paint(ansiDim, "["+d.Rule+" "+d.Name+"]"))
	if d.Source == nil || d.Line <= 0 || d.Line > d.Source.LineCount() {
		return
	}
	line := []rune(d.Source.LineText(d.Line))
	cols := displayColumns(line)

	start := min(max(d.Column-1, 0), len(line))
	end := start + 1 // a point: one caret
	switch {
	case d.EndLine > d.Line:
		end = len(line)
	case d.EndLine == d.Line && d.EndColumn > d.Column:
		end = d.EndColumn - 1
	}
	end = min(end, len(line)) // a span past the line's end stops there
	width := 1
	if end > start {
		width = cols[end] - cols[start]
	}

	num := fmt.Sprint(d.Line)
	gutter := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, "  %s | %s\n", t.paint(ansiDim, num), expand(line))
	fmt.Fprintf(w, "  %s | %s%s\n", gutter, strings.Repeat(" ", cols[start]),
		t.paint(ansiGreen, "^"+strings.Repeat("~", width-1)))
}

// displayColumns returns, for each rune index i of line (and len(line)),
// the display column at which rune i starts, with tabs expanded to the
// next multiple of tabWidth. Every other rune is one column wide: columns
// in diagnostics count code points, and so does this.
func displayColumns(line []rune) []int {
	cols := make([]int, len(line)+1)
	c := 0
	for i, r := range line {
		cols[i] = c
		if r == '\t' {
			c += tabWidth - c%tabWidth
		} else {
			c++
		}
	}
	cols[len(line)] = c
	return cols
}

// expand writes line with tabs expanded as displayColumns counts them, and
// control characters replaced, so that a hostile file cannot send escape
// sequences to the terminal.
func expand(line []rune) string {
	var b strings.Builder
	c := 0
	for _, r := range line {
		switch {
		case r == '\t':
			n := tabWidth - c%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			c += n
			continue
		case unicode.IsControl(r):
			r = utf8.RuneError
		}
		b.WriteRune(r)
		c++
	}
	return b.String()
}

func (t *Text) paint(color, s string) string {
	if !t.Options.Color {
		return s
	}
	return color + s + ansiReset
}
