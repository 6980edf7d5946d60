package connector

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
	"github.com/pqcert/pqcert/snapshot"
)

// peekLimit is how much of a file IsSectionSource looks at. A section
// header comes first, after comments and at most one attribute record; a
// file that has not shown one within this much is taken for no section
// document.
const peekLimit = 64 << 10

// IsSectionSource reports whether src is a section document: its first
// token (after a UTF-8 byte order mark, whitespace and comments), once one
// balanced leading literal-attribute record `[ … ]` is skipped, is the
// keyword `section`. It scans only until that is decided, and no further
// than the first 64 KB; what is still undecided there (a file that is
// nothing but comments, an attribute record that does not end) counts as
// no section document, as do an empty file and an expression document
// (`let … in …`, a record, a function).
func IsSectionSource(src []byte) bool {
	truncated := len(src) > peekLimit
	if truncated {
		src = src[:peekLimit]
	}
	var s scanner.Scanner
	// No error handler, so the file (which would index every line of src)
	// is never consulted.
	s.Init(token.NewFile("", nil), src, nil, 0)
	depth, attributes := 0, false
	for {
		_, end, tok := s.ScanSpan()
		if tok == token.EOF || (truncated && end.Offset() >= len(src)) {
			return false // undecided: the token may go on past the cut
		}
		switch {
		case depth > 0: // inside the attribute record
			switch tok {
			case token.LBRACK:
				depth++
			case token.RBRACK:
				depth--
			}
		case tok == token.LBRACK && !attributes:
			depth, attributes = 1, true
		default:
			return tok == token.SECTION
		}
	}
}

// verdict is what the files directly in one folder make of it.
type verdict struct {
	main     string   // the package's main document; "" when the folder is no package
	sections []string // its section documents when there are two or more: ambiguous
}

// bound reports whether the folder owns the files below it: a package, or
// an ambiguous folder, which owns them for no package.
func (v verdict) bound() bool { return v.main != "" || len(v.sections) > 0 }

// judge decides a folder from the files directly in it (es, gitlinks and
// excluded paths already dropped), reading candidate documents only when
// their names do not decide:
//
//   - one section document: a package with that main document; the other
//     candidates are loose queries, not packaged;
//   - two or more: ambiguous;
//   - none, but exactly one candidate with packaged companions beside it
//     (*.pqm, resources*.resx, *.png): a package whose main document is
//     that candidate, so that a connector with a broken or missing section
//     header is still checked and its checks say what is wrong. Such a
//     folder is a package whatever the candidate holds, so it is not read;
//   - otherwise (no candidate, or loose queries only): nothing.
func judge(s snapshot.Snapshot, es []snapshot.Entry) (verdict, error) {
	var candidates []string
	companions := false
	for _, e := range es {
		switch {
		case isSectionDoc(e.Path):
			candidates = append(candidates, e.Path)
		case matchAny(packagedFiles, strings.ToLower(path.Base(e.Path))):
			companions = true
		}
	}
	switch {
	case len(candidates) == 0:
		return verdict{}, nil
	case len(candidates) == 1 && companions:
		return verdict{main: candidates[0]}, nil
	}
	sort.Strings(candidates)
	var sections []string
	for _, p := range candidates {
		ok, err := sectionFile(s, p)
		if err != nil {
			return verdict{}, err
		}
		if ok {
			sections = append(sections, p)
		}
	}
	switch len(sections) {
	case 0:
		return verdict{}, nil
	case 1:
		return verdict{main: sections[0]}, nil
	}
	return verdict{sections: sections}, nil
}

// sectionFile reads p from s and tells whether it is a section document.
// A file listed but gone when read (a work tree changing under us) is none.
func sectionFile(s snapshot.Snapshot, p string) (bool, error) {
	data, err := s.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("connector: reading %s: %w", p, err)
	}
	return IsSectionSource(data), nil
}
