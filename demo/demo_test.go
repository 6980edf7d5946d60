package demo

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pqcert/pqcert/internal/testtool"
)

// TestDemo runs the whole demo with freshly built commands: every step
// must behave, and the temporary repository must be gone afterwards.
func TestDemo(t *testing.T) {
	testtool.Need(t, "git", "apt-get install git")
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(file))
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", bin+"/", "./cmd/...")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	scripts := fstest.MapFS{}
	for _, f := range []string{"pre-commit", "pqcert-hook-lib.sh"} {
		b, err := os.ReadFile(filepath.Join(root, "hooks", "git", f))
		if err != nil {
			t.Fatal(err)
		}
		scripts["git/"+f] = &fstest.MapFile{Data: b}
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var out bytes.Buffer
	if err := Run(Options{BinDir: bin, Scripts: scripts, Out: &out}); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	for _, want := range []string{"7 of 7 steps behaved", "[PQ042 tracing-reenabled]", "[PQ005 version-not-bumped]", "[PQ031 resx-missing-key]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "pqcert-demo-*")); len(left) > 0 {
		t.Errorf("the demo left %v behind", left)
	}
}
