package ast

import (
	"math"
	"strconv"
	"strings"

	"github.com/pqcert/pqcert/m/token"
)

// LiteralValue converts a literal expression (as allowed in literal
// attributes: records, lists, text, numbers, logicals and null) to a Go
// value: map[string]any, []any, string, float64, bool or nil. #infinity
// and #nan stay as their names, and numbers too large for a float64
// (1e400) as their text, so that the value always encodes as JSON. ok is
// false when x is not a literal.
func LiteralValue(x Expr) (v any, ok bool) {
	switch x := x.(type) {
	case *BasicLit:
		switch x.Kind {
		case token.TEXT, token.VERBATIM:
			return x.Value, true
		case token.TRUE:
			return true, true
		case token.FALSE:
			return false, true
		case token.NULL:
			return nil, true
		case token.HASH_INFINITY, token.HASH_NAN:
			return x.Raw, true
		case token.NUMBER:
			f, err := ParseNumber(x.Raw)
			if err != nil {
				return nil, false
			}
			if math.IsInf(f, 0) {
				return x.Raw, true // out of range (1e400): its text, as the reference harness prints it
			}
			return f, true
		}
	case *RecordExpr:
		m := make(map[string]any, len(x.Fields))
		for _, f := range x.Fields {
			fv, ok := LiteralValue(f.Value)
			if !ok {
				return nil, false
			}
			m[f.Name.Name] = fv
		}
		return m, true
	case *ListExpr:
		l := make([]any, 0, len(x.Items))
		for _, it := range x.Items {
			iv, ok := LiteralValue(it)
			if !ok {
				return nil, false
			}
			l = append(l, iv)
		}
		return l, true
	}
	return nil, false
}

// ParseNumber returns the value of an M number literal: decimal with
// optional fraction and exponent, a leading-dot fraction, or 0x hex.
func ParseNumber(raw string) (float64, error) {
	if len(raw) > 2 && (raw[:2] == "0x" || raw[:2] == "0X") {
		u, err := strconv.ParseUint(raw[2:], 16, 64)
		if err != nil {
			// Too large for 64 bits: still a number, only imprecise.
			f := 0.0
			for _, c := range strings.ToLower(raw[2:]) {
				d := strings.IndexRune("0123456789abcdef", c)
				if d < 0 {
					return 0, err
				}
				f = f*16 + float64(d)
			}
			return f, nil
		}
		return float64(u), nil
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil && math.IsInf(f, 0) {
		return f, nil // out of range is still a valid literal
	}
	return f, err
}

// TextValue returns the decoded value of a text literal, and whether x is one.
func TextValue(x Expr) (string, bool) {
	if l, ok := x.(*BasicLit); ok && (l.Kind == token.TEXT || l.Kind == token.VERBATIM) {
		return l.Value, true
	}
	return "", false
}

// Unparen strips any enclosing parentheses.
func Unparen(x Expr) Expr {
	for {
		p, ok := x.(*ParenExpr)
		if !ok || p.X == nil {
			return x
		}
		x = p.X
	}
}
