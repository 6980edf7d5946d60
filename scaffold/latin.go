package scaffold

import "strings"

// latinBases is the base letter of every letter in Latin-1 Supplement and
// Latin Extended-A (U+00C0–U+017F), "." where there is none (×, ÷, Þ, þ):
// Ñ → N, ß → s, Æ → A. The icon draws the base letter and the sample host
// name is spelled with it.
const latinBases = "AAAAAAACEEEEIIIIDNOOOOO.OUUUUY.saaaaaaaceeeeiiiidnooooo.ouuuuy.y" +
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"

// latinBase returns the ASCII letter r is built on: r itself for an ASCII
// letter, the base of an accented Latin letter, and false otherwise
// (other scripts, digits, _).
func latinBase(r rune) (byte, bool) {
	switch {
	case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		return byte(r), true
	case r >= 0xC0 && int(r-0xC0) < len(latinBases) && latinBases[r-0xC0] != '.':
		return latinBases[r-0xC0], true
	}
	return 0, false
}

// precomposed lists, for the common combining marks, the Latin letters
// that carry them as one character.
var precomposed = map[rune]string{
	0x0300: "ÀÈÌÒÙàèìòù",               // grave
	0x0301: "ÁÉÍÓÚÝáéíóúýĆćĹĺŃńŔŕŚśŹź", // acute
	0x0302: "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷ", // circumflex
	0x0303: "ÃÑÕãñõĨĩŨũ",               // tilde
	0x0308: "ÄËÏÖÜäëïöüÿŸ",             // diaeresis
	0x030A: "ÅåŮů",                     // ring
	0x0327: "ÇçŞşŢţĢģĶķĻļŅņŖŗ",         // cedilla
	0x030C: "ČčĎďĚěŇňŘřŠšŤťŽž",         // caron
}

// compose returns the one character for letter base followed by the
// combining mark, when Latin-1 or Latin Extended-A has it: N + U+0303 → Ñ.
func compose(base, mark rune) (rune, bool) {
	if base < 0 || base > 'z' {
		return 0, false
	}
	for _, c := range precomposed[mark] {
		if b, ok := latinBase(c); ok && rune(b) == base {
			return c, true
		}
	}
	return 0, false
}

// asciiFold spells s with ASCII letters: accented Latin letters lose their
// accents, and every other non-ASCII character is dropped.
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else if c, ok := latinBase(r); ok {
			b.WriteByte(c)
		}
	}
	return b.String()
}
