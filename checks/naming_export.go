package checks

// Exported entry points to the naming tests of PQ013 and PQ014, for tools
// that must agree with the checks before any M exists (scaffold-connector
// refuses a name these would flag). They are thin wrappers: the logic
// stays in naming.go and pq014_unusual_function_name.go.

// FindForbiddenWord returns the first word certification forbids that
// PQ013 finds in name (a connector, kind or function name, or a label), as
// the certification page spells it ("API", "Power BI", "Fabric",
// "Connector"), or "" when there is none.
func FindForbiddenWord(name string) string {
	if found := forbiddenWords(name); len(found) > 0 {
		return found[0].Word
	}
	return ""
}

// ForbiddenWordSpans returns the byte ranges [start, end) in name of every
// word PQ013 finds there, in order; nil when there is none.
func ForbiddenWordSpans(name string) [][2]int {
	var out [][2]int
	for _, f := range forbiddenWords(name) {
		out = append(out, [2]int{f.Start, f.End})
	}
	return out
}

// UnusualFunctionNameReason explains why PQ014 would flag the exported
// function kind.fn (a leading verb, a placeholder, a helper suffix), with
// a suggested name, or returns "" when it would not.
func UnusualFunctionNameReason(kind, fn string) string {
	return unusualName(kind, fn)
}
