package checks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/checks/checkstest"
)

// manyConnector builds a connector whose section has n copies of member,
// with %[1]d standing for the copy's number.
func manyConnector(t *testing.T, n int, member string) *checks.Connector {
	t.Helper()
	var b strings.Builder
	b.WriteString("[Version = \"1.0.0\"]\nsection Contoso;\n\n")
	for i := range n {
		fmt.Fprintf(&b, member, i)
	}
	c, err := checkstest.Connector(checkstest.StringFiles(map[string]string{"Contoso.pq": b.String()}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFollowBudgetPerValue is the regression test for a follower shared
// across a whole section: its budget ran out after some hundreds of
// members, and every later member was silently not an exported function
// (PQ012–PQ015), not a kind record (PQ010), not a Publish record (PQ017).
func TestFollowBudgetPerValue(t *testing.T) {
	const n = 3000
	t.Run("ExportedFunctions", func(t *testing.T) {
		c := manyConnector(t, n, "shared Contoso.Contents%d = Value.ReplaceType(() => 1, type function () as number meta [Documentation.Name = \"\"]);\n")
		if got := len(c.ExportedFunctions()); got != n {
			t.Errorf("ExportedFunctions: %d members, want %d", got, n)
		}
		countFindings(t, c, checks.MissingDocumentation, 2*n) // an empty name and no description
	})
	t.Run("PQ010", func(t *testing.T) {
		c := manyConnector(t, n, "[DataSource.Kind = \"K%[1]d\"]\nshared K%[1]d.Contents = () => 1;\nK%[1]d = [Label = \"K\"];\n")
		countFindings(t, c, checks.MissingDataSourceKind, n)
	})
	t.Run("PQ017", func(t *testing.T) {
		c := manyConnector(t, n, "[DataSource.Kind = \"K%[1]d\", Publish = \"K%[1]d.Publish\"]\nshared K%[1]d.Contents = () => 1;\nK%[1]d.Publish = [Beta = true];\n")
		countFindings(t, c, checks.MissingIcons, n)
	})
}

func countFindings(t *testing.T, c *checks.Connector, r *checks.Rule, want int) {
	t.Helper()
	diags, err := checks.Run([]*checks.Rule{r}, []checks.Target{{After: c}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != want {
		last := ""
		if len(diags) > 0 {
			last = diags[len(diags)-1].String()
		}
		t.Errorf("%s: %d findings, want %d (last: %s)", r.ID, len(diags), want, last)
	}
}
