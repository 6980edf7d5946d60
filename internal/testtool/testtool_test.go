package testtool

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// recorder stands in for a test: it records what the helpers call.
type recorder struct {
	testing.TB
	skipped, failed, logged string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Skipf(format string, args ...any)  { r.skipped = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }
func (r *recorder) Logf(format string, args ...any)   { r.logged = fmt.Sprintf(format, args...) }

func (r *recorder) String() string {
	return fmt.Sprintf("skipped %q, failed %q, logged %q", r.skipped, r.failed, r.logged)
}

func TestMissingTool(t *testing.T) {
	const tool, install = "pqcert-no-such-tool", "apt-get install pqcert-no-such-tool"
	missing := filepath.Join(t.TempDir(), "snippets")
	for _, ci := range []string{"", "true"} {
		t.Run("CI="+ci, func(t *testing.T) {
			t.Setenv("CI", ci)
			// want is the one outcome each helper must have: skip (s),
			// fail (f) or log (l), with a message holding the hint.
			check := func(name string, r *recorder, want byte) {
				t.Helper()
				got := map[byte]string{'s': r.skipped, 'f': r.failed, 'l': r.logged}
				for k, msg := range got {
					if (k == want) != (msg != "") {
						t.Errorf("%s: %v, want only %c", name, r, want)
						return
					}
				}
				if hint := got[want]; !strings.Contains(hint, install) {
					t.Errorf("%s: message %q lacks the install hint", name, hint)
				}
			}
			required, optional := byte('s'), byte('l')
			if ci == "true" {
				required, optional = 'f', 'f'
			}
			r := &recorder{}
			if p := Need(r, tool, install); p != "" {
				t.Errorf("Need returned %q", p)
			}
			check("Need", r, required)
			r = &recorder{}
			NeedPath(r, missing, "the snippets", install)
			check("NeedPath", r, required)
			if !strings.Contains(r.skipped+r.failed, missing) {
				t.Errorf("NeedPath: %v, want the path named", r)
			}
			r = &recorder{}
			if p, ok := Have(r, tool, install); ok || p != "" {
				t.Errorf("Have returned %q, %v", p, ok)
			}
			check("Have", r, optional)
		})
	}
}

func TestPresentTool(t *testing.T) {
	t.Setenv("CI", "true")
	r := &recorder{}
	if p := Need(r, "go", "install Go"); p == "" {
		t.Errorf("Need(go) returned nothing: %v", r)
	}
	if _, ok := Have(r, "go", "install Go"); !ok {
		t.Errorf("Have(go) is false: %v", r)
	}
	NeedPath(r, t.TempDir(), "a folder", "mkdir")
	if r.skipped+r.failed+r.logged != "" {
		t.Errorf("a present tool or folder was reported: %v", r)
	}
}
