package hooks

import (
	"os"
	"strings"
	"testing"
)

// TestChangesAmbiguousNotDeleted: a connector folder that gains a second
// section document is reported as ambiguous, not deleted, by `pqcert
// changes` (text and JSON), and the checks say why they skip it.
func TestChangesAmbiguousNotDeleted(t *testing.T) {
	testRepo(t)
	if err := os.WriteFile("Contoso/Other.pq", []byte("section Other;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, "add", "Contoso/Other.pq")
	code, out, errOut := runCmd(t, "pqcert", "changes")
	if code != 0 || !strings.Contains(out, "Contoso (ambiguous, was main Contoso/Contoso.pq") || strings.Contains(out, "deleted") ||
		!strings.Contains(out, "    Contoso/Other.pq") || !strings.Contains(errOut, "Contoso holds 2 section documents") {
		t.Errorf("changes: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runCmd(t, "pqcert", "changes", "--json")
	if code != 0 || !strings.Contains(out, `{"dir":"Contoso","main":"Contoso/Contoso.pq","status":"ambiguous","changed":["Contoso/Other.pq"]}`) {
		t.Errorf("changes --json: exit %d\n%s", code, out)
	}
	code, out, errOut = runCmd(t, "check-version-bump")
	if code != 0 || !strings.Contains(errOut, "Contoso holds 2 section documents") {
		t.Errorf("check-version-bump: exit %d\n%s%s", code, out, errOut)
	}
}
