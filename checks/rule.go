package checks

import "strings"

// Rule is one certification check: its identity, its documentation and its
// examples live in one struct literal in the rule's own file, pqNNN_name.go.
type Rule struct {
	ID       string   // PQ0NN, stable and never reused
	Name     string   // kebab-case slug printed with every finding
	Severity Severity // the default severity of its findings
	Title    string   // one line, lower-case, no period
	Doc      string   // one paragraph: what it finds, why certification cares, how to fix it

	// Requirement quotes the certification page when the rule enforces a
	// MUST or SHOULD from it; empty for rules of pqcert's own.
	Requirement string

	// Bad and Good are small connectors that show the rule: Bad must give at
	// least one finding of this rule and Good none. A test runs both.
	Bad, Good Example

	// Supersedes lists rules whose finding at the same place a finding of
	// this rule replaces, since it says the same more precisely (PQ042's
	// "turned back on" over PQ040's "is on"). When both rules run, Run drops
	// the other's finding; a suppressed finding of this rule drops nothing.
	Supersedes []string

	// Run reports the rule's findings on one connector.
	Run func(*Pass)
}

// Example is a connector written out as files, path → content. Before,
// when set, is the same connector as committed before the change, for rules
// that compare.
type Example struct {
	Files  map[string]string
	Before map[string]string
}

// URL is where the rule's documentation lives in this repository.
func (r *Rule) URL() string {
	return "https://github.com/pqcert/pqcert/blob/main/docs/rules.md#" + strings.ToLower(r.ID)
}
