package checks

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pqcert/pqcert/m/scanner"
	"github.com/pqcert/pqcert/m/token"
)

// BumpVersion raises the patch number of the [Version] attribute of a
// section document (1.2.0 → 1.2.1; a pre-release label is kept: 1.2.0-rc
// → 1.2.1-rc) and returns the new source with the old and new version.
// Only the version's text literal changes: a BOM, line endings, comments,
// layout and the rest of the file stay byte for byte. It reads only the
// tokens in front of `section`, so a syntax error later in the file does
// not stop it. err says why nothing was changed: no attribute record, no
// Version field, or a version that is not a semantic version.
func BumpVersion(src []byte) (out []byte, from, to string, err error) {
	lit, end, err := findVersionLiteral(src)
	if err != nil {
		return nil, "", "", err
	}
	raw := string(src[lit.Offset():end.Offset()])
	from = scanner.Decode(raw)
	v, ok := parseSemver(from)
	if !ok {
		return nil, from, "", fmt.Errorf("version %q is not major.minor.patch with an optional -prerelease; fix it by hand", from)
	}
	to = v.bumpPatch().String()
	out = make([]byte, 0, len(src)+2)
	out = append(out, src[:lit.Offset()]...)
	out = append(out, '"')
	out = append(out, to...)
	out = append(out, '"')
	out = append(out, src[end.Offset():]...)
	return out, from, to, nil
}

// findVersionLiteral scans the literal attribute record in front of
// `section` and returns the span of the text literal of its Version field.
func findVersionLiteral(src []byte) (pos, end token.Pos, err error) {
	type tk struct {
		pos, end token.Pos
		tok      token.Token
		depth    int // 0 for the record's own brackets, 1 for its fields
	}
	var s scanner.Scanner
	s.Init(nil, src, nil, 0)
	p, e, t := s.ScanSpan()
	switch t {
	case token.SECTION:
		return 0, 0, errors.New("the section has no attribute record: add [Version = \"1.0.0\"] above `section` by hand")
	case token.LBRACK:
	default:
		return 0, 0, errors.New("not a section document with a [Version = \"...\"] attribute")
	}
	toks := []tk{{p, e, t, 0}}
	for depth := 1; depth > 0; {
		p, e, t = s.ScanSpan()
		switch t {
		case token.EOF:
			return 0, 0, errors.New("the attribute record in front of `section` is not closed")
		case token.RBRACK, token.RPAREN, token.RBRACE:
			depth--
		}
		toks = append(toks, tk{p, e, t, depth})
		switch t {
		case token.LBRACK, token.LPAREN, token.LBRACE:
			depth++
		}
	}
	if _, _, t = s.ScanSpan(); t != token.SECTION {
		return 0, 0, errors.New("the record in front of the document is not followed by `section`")
	}
	for i := 1; i+3 < len(toks); i++ {
		name, eq, val, after := toks[i], toks[i+1], toks[i+2], toks[i+3]
		if name.depth != 1 || name.tok != token.IDENT || (toks[i-1].tok != token.LBRACK && toks[i-1].tok != token.COMMA) ||
			eq.tok != token.EQL || fieldName(src, name.pos, name.end) != "Version" {
			continue
		}
		if val.tok != token.TEXT || (after.tok != token.COMMA && after.tok != token.RBRACK) {
			return 0, 0, errors.New("Version is not a single text literal; change it by hand")
		}
		return val.pos, val.end, nil
	}
	return 0, 0, errors.New("the section's attribute record has no Version field: add Version = \"1.0.0\" by hand")
}

// fieldName returns the name of a record field written as a regular,
// generalized or quoted identifier token.
func fieldName(src []byte, pos, end token.Pos) string {
	raw := string(src[pos.Offset():end.Offset()])
	if strings.HasPrefix(raw, `#"`) {
		return scanner.Decode(raw)
	}
	return raw
}
