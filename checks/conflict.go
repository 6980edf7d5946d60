package checks

import (
	"bytes"
	"fmt"
)

// conflictMarkers finds unresolved merge conflict markers in src: a line
// starting with `<<<<<<<` together with one starting with `=======` or
// `>>>>>>>`. It returns the line numbers of the first `<<<<<<<` and of the
// first closing `>>>>>>>` after it (0 when absent), or ok false. A file
// left like this parses badly wherever the markers fall, and the parser's
// message says nothing of the cause; PQ001 and PQ030 name it.
func conflictMarkers(src []byte) (open, close int, ok bool) {
	mid := false
	line := 0
	for len(src) > 0 {
		line++
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		l = bytes.TrimPrefix(l, []byte("\uFEFF"))
		switch {
		case bytes.HasPrefix(l, []byte("<<<<<<<")) && open == 0:
			open = line
		case open > 0 && bytes.HasPrefix(l, []byte("=======")) && len(bytes.TrimRight(l[7:], " \t\r")) == 0:
			mid = true
		case open > 0 && bytes.HasPrefix(l, []byte(">>>>>>>")) && close == 0:
			close = line
		}
	}
	return open, close, open > 0 && (mid || close > 0)
}

// conflictMessage prefixes a parse error message with the merge conflict
// that causes it, when src holds one.
func conflictMessage(src []byte, msg string) string {
	open, close, ok := conflictMarkers(src)
	if !ok {
		return msg
	}
	where := fmt.Sprintf("<<<<<<< at line %d", open)
	if close > 0 {
		where += fmt.Sprintf(", >>>>>>> at line %d", close)
	}
	return fmt.Sprintf("unresolved merge conflict markers (%s): resolve the conflict, keep the right lines and delete the markers; the parser says: %s", where, msg)
}
