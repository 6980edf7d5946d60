package checks

import (
	"regexp"
	"slices"
	"strings"
)

// This file holds semantic versions as the version rules (PQ004–PQ006) and
// the version fix read them: parsing, ordering and raising the patch
// number. version.go finds the [Version] attribute and what changed.

// semver is a parsed semantic version: major.minor.patch[-prerelease].
// Numbers are kept as decimal text so that no size overflows.
type semver struct {
	nums [3]string
	pre  []string // the dot-separated pre-release identifiers, nil for a release
}

var semverRE = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-((?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?$`)

// parseSemver parses "1.2.3" or "1.2.3-rc.1"; ok is false for anything
// else (leading zeros, build metadata, a missing part, spaces).
func parseSemver(s string) (v semver, ok bool) {
	m := semverRE.FindStringSubmatch(s)
	if m == nil {
		return semver{}, false
	}
	v.nums = [3]string{m[1], m[2], m[3]}
	if m[4] != "" {
		v.pre = strings.Split(m[4], ".")
	}
	return v, true
}

func (v semver) String() string {
	s := v.nums[0] + "." + v.nums[1] + "." + v.nums[2]
	if len(v.pre) > 0 {
		s += "-" + strings.Join(v.pre, ".")
	}
	return s
}

// compareSemver orders versions as semantic versioning does: by major,
// minor and patch, then a pre-release below its release (1.2.0-rc <
// 1.2.0), pre-releases by their identifiers (numeric ones numerically and
// below alphanumeric ones, a shorter list first when one is a prefix).
func compareSemver(a, b semver) int {
	for i := range a.nums {
		if c := compareDecimal(a.nums[i], b.nums[i]); c != 0 {
			return c
		}
	}
	switch {
	case a.pre == nil && b.pre == nil:
		return 0
	case a.pre == nil:
		return 1
	case b.pre == nil:
		return -1
	}
	for i := 0; i < len(a.pre) && i < len(b.pre); i++ {
		x, y := a.pre[i], b.pre[i]
		xn, yn := isDecimal(x), isDecimal(y)
		var c int
		switch {
		case xn && yn:
			c = compareDecimal(x, y)
		case xn:
			c = -1
		case yn:
			c = 1
		default:
			c = strings.Compare(x, y)
		}
		if c != 0 {
			return c
		}
	}
	return len(a.pre) - len(b.pre)
}

// compareDecimal compares two decimal numbers without leading zeros.
func compareDecimal(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// bumpPatch returns v with its patch number raised by one, its
// pre-release label kept: 1.2.0 → 1.2.1, 1.2.0-rc → 1.2.1-rc.
func (v semver) bumpPatch() semver {
	v.nums[2] = incDecimal(v.nums[2])
	v.pre = slices.Clone(v.pre)
	return v
}

// incDecimal adds one to a decimal number of any length.
func incDecimal(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// looksLikePlaceholder reports whether a version is one nobody would
// release: every number zero (0.0.0) or all nines (9.9.9, 99.99.99).
func looksLikePlaceholder(v semver) bool {
	zero, nines := true, true
	for _, n := range v.nums {
		zero = zero && n == "0"
		nines = nines && strings.Trim(n, "9") == ""
	}
	return zero || nines
}
