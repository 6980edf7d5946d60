package checks

import (
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/token"
	"github.com/pqcert/pqcert/resx"
)

// This file holds small helpers the resx rules (PQ030–PQ037) share for
// reporting at resx entries and suggesting a key for a misspelt one.

// reportEntry reports a finding at the name of a resx entry.
func reportEntry(p *Pass, r *ResxFile, e *resx.Entry, format string, args ...any) {
	p.ReportRange(r.Path, r.File.Src, e.NamePos, resxAttrEnd(r.File.Src, e.NamePos), fmt.Sprintf(format, args...))
}

// resxAttrEnd returns the position of the quote that closes the attribute value
// starting at pos, or NoPos.
func resxAttrEnd(src *token.File, pos token.Pos) token.Pos {
	if src == nil || !pos.IsValid() {
		return token.NoPos
	}
	b := src.Source()
	off := pos.Offset()
	if off <= 0 || off > len(b) {
		return token.NoPos
	}
	quote := b[off-1]
	if quote != '"' && quote != '\'' {
		return token.NoPos
	}
	for i := off; i < len(b) && b[i] != '\n'; i++ {
		if b[i] == quote {
			return token.PosOf(i)
		}
	}
	return token.NoPos
}

// readableResx returns the resx files that parsed completely; a file with
// an error is PQ030's to report, and its entries may be cut short.
func readableResx(c *Connector) []*ResxFile {
	var out []*ResxFile
	for _, r := range c.Resx {
		if r.File != nil && r.Err == nil {
			out = append(out, r)
		}
	}
	return out
}

// similarKey returns a key of f that differs from key only in case or by
// one or two edits, for a "do you mean" hint; "" when there is none.
func similarKey(f *resx.File, key string) string {
	best, bestDist := "", 3
	for _, e := range f.Entries {
		if strings.EqualFold(e.Name, key) {
			return e.Name
		}
		if len(key) < 4 {
			continue
		}
		if d := keyDistance(strings.ToLower(e.Name), strings.ToLower(key), bestDist); d < bestDist {
			best, bestDist = e.Name, d
		}
	}
	return best
}

// keyDistance is the Levenshtein distance of a and b, or limit when it is
// limit or more.
func keyDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
