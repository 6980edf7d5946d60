package checks_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/checks/checkstest"
)

var errBroken = errors.New("broken on purpose")

// TestRunReportsEveryCrash is the regression test for Run keeping only the
// first rule that crashed: every rule that fails on every connector is in
// the error, the cause stays reachable with errors.Is, and the findings of
// the rules that did not crash are kept.
func TestRunReportsEveryCrash(t *testing.T) {
	crashErr := &checks.Rule{ID: "PQ098", Name: "crash-error", Run: func(*checks.Pass) { panic(errBroken) }}
	crashText := &checks.Rule{ID: "PQ099", Name: "crash-text", Run: func(*checks.Pass) { panic("no error value") }}
	var targets []checks.Target
	for _, dir := range []string{"A", "B"} {
		c, err := checkstest.Connector(checkstest.StringFiles(map[string]string{"Contoso.pq": "section Contoso;\n"}))
		if err != nil {
			t.Fatal(err)
		}
		c.Dir = dir
		targets = append(targets, checks.Target{After: c})
	}
	diags, err := checks.Run([]*checks.Rule{crashErr, checks.MissingVersion, crashText}, targets, nil)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"PQ098 (crash-error) failed on connector A", "PQ099 (crash-text) failed on connector A", "PQ098 (crash-error) failed on connector B", "PQ099 (crash-text) failed on connector B", "no error value"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	if !errors.Is(err, errBroken) {
		t.Errorf("errors.Is(err, errBroken) = false: the panic's error is not wrapped")
	}
	if len(diags) != 2 {
		t.Errorf("got %d findings, want PQ003's on each connector: %v", len(diags), diags)
	}
}
