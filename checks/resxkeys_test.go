package checks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/checks/checkstest"
)

// TestResxRulesLargeFile runs the resx rules over a resx with many keys
// and a culture file that lacks half of them: they must stay fast.
func TestResxRulesLargeFile(t *testing.T) {
	const n = 100000
	var neutral, culture strings.Builder
	neutral.WriteString("<root>\n")
	culture.WriteString("<root>\n")
	for i := range n {
		fmt.Fprintf(&neutral, "<data name=\"Key%d\"><value>Text %d</value></data>\n", i, i)
		if i%2 == 0 {
			fmt.Fprintf(&culture, "<data name=\"Key%d\"><value>Texte %d</value></data>\n", i, i)
		}
	}
	neutral.WriteString("</root>\n")
	culture.WriteString("</root>\n")
	c, err := checkstest.Connector(map[string][]byte{
		"Contoso.pq": []byte(`[Version = "1.0.0"]
section Contoso;
shared Contoso.Label = Extension.LoadString("Key" & Text.From(1));
`),
		"resources.resx":       []byte(neutral.String()),
		"resources.fr-FR.resx": []byte(culture.String()),
	})
	if err != nil {
		t.Fatal(err)
	}
	rules := []*checks.Rule{checks.ResxMalformed, checks.ResxMissingKey, checks.ResxUnusedKey, checks.ResxDuplicateKey,
		checks.ResxURLValue, checks.HardcodedUIString, checks.ResxLocaleMismatch, checks.ResxEmptyValue}
	diags, err := checks.Run(rules, []checks.Target{{After: c}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, d := range diags {
		count[d.Rule]++
	}
	// "Key" & Text.From(1) may load any key that starts with "Key".
	if count["PQ032"] != 0 || count["PQ036"] != n/2 || len(count) != 1 {
		t.Errorf("findings per rule: %v, want only PQ036 %d", count, n/2)
	}
}
