package hooks

import (
	"os"
	"testing"
)

// TestMain removes what the tests built once for the whole test binary:
// the commands that commandsBin builds (about 160 MB) would otherwise stay
// in the temporary folder after every run. Returning lets the test wrapper
// exit with m.Run's result.
func TestMain(m *testing.M) {
	m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
}
