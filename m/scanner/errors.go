package scanner

import (
	"fmt"
	"io"
	"sort"

	"github.com/pqcert/pqcert/m/token"
)

// Error is a syntax error at a position. Error() returns
// "file:line:col: msg".
type Error struct {
	Pos token.Position
	Msg string
}

func (e Error) Error() string {
	if e.Pos.Filename != "" || e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Msg
}

// ErrorList is a list of *Errors. The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends an Error with the given position and message.
func (p *ErrorList) Add(pos token.Position, msg string) {
	*p = append(*p, &Error{Pos: pos, Msg: msg})
}

// Reset empties the list.
func (p *ErrorList) Reset() { *p = (*p)[:0] }

func (p ErrorList) Len() int      { return len(p) }
func (p ErrorList) Swap(i, j int) { p[i], p[j] = p[j], p[i] }

func (p ErrorList) Less(i, j int) bool {
	e, f := &p[i].Pos, &p[j].Pos
	if e.Filename != f.Filename {
		return e.Filename < f.Filename
	}
	if e.Offset != f.Offset {
		return e.Offset < f.Offset
	}
	return p[i].Msg < p[j].Msg
}

// Sort sorts the list by file and offset, then message.
func (p ErrorList) Sort() { sort.Stable(p) }

// RemoveMultiples sorts the list and keeps only the first error per line.
func (p *ErrorList) RemoveMultiples() {
	sort.Stable(p)
	var last token.Position
	i := 0
	for _, e := range *p {
		if e.Pos.Filename != last.Filename || e.Pos.Line != last.Line {
			last = e.Pos
			(*p)[i] = e
			i++
		}
	}
	*p = (*p)[:i]
}

// Error returns the first error and how many more there are.
func (p ErrorList) Error() string {
	switch len(p) {
	case 0:
		return "no errors"
	case 1:
		return p[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", p[0], len(p)-1)
}

// Err returns an error equivalent to the list, or nil when it is empty.
func (p ErrorList) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// PrintError writes every error of an ErrorList to w, one per line, or
// err itself when it is another kind of error.
func PrintError(w io.Writer, err error) {
	if list, ok := err.(ErrorList); ok {
		for _, e := range list {
			fmt.Fprintf(w, "%s\n", e)
		}
	} else if err != nil {
		fmt.Fprintf(w, "%s\n", err)
	}
}
