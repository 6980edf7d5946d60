package hooks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
)

// TestCheckCommands checks the registry of check commands: unique names,
// each with a cmd/NAME/main.go and a usage, and rules that exist.
func TestCheckCommands(t *testing.T) {
	if len(commandSpecs) != len(checkCommands) {
		t.Fatalf("%d check commands but %d names: a name is repeated", len(checkCommands), len(commandSpecs))
	}
	for _, spec := range checkCommands {
		if !strings.HasPrefix(spec.Name, "check-") || spec.Usage == "" || spec.Description == "" {
			t.Errorf("%q: want a check-* name, a usage and a description", spec.Name)
		}
		if _, err := os.Stat(filepath.Join(repoRoot(), "cmd", spec.Name, "main.go")); err != nil {
			t.Errorf("%s has no cmd/%s/main.go", spec.Name, spec.Name)
		}
		if got := checks.Select(spec.Rules...); spec.Rules != nil && len(got) != len(spec.Rules) {
			t.Errorf("%s names %d rules, %d of which exist", spec.Name, len(spec.Rules), len(got))
		}
	}
}
