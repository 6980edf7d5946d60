// Package testtool applies the project's rule for tests that need
// something from outside the module (a program such as git, node or make,
// or a folder such as the shared pqref snippets): where it is missing on a
// developer's machine the test is skipped with a message that says how to
// install it; under CI=true, where .ci/run installs everything, the test
// fails instead.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of tool, looked up on PATH. Without it the test is
// skipped, with install (how to get the tool) in the message, or failed
// under CI=true.
func Need(t testing.TB, tool, install string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		Missing(t, tool+" is not installed", install)
	}
	return p
}

// NeedPath requires the file or folder path, which holds what (named in
// the message). Without it the test is skipped, with install (how to get
// it) in the message, or failed under CI=true.
func NeedPath(t testing.TB, path, what, install string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		Missing(t, what+" is missing ("+path+")", install)
	}
}

// Have is Need for an optional part of a test: it returns the path of tool
// and true or, without the tool, logs how to install it and returns false,
// and the test goes on without that part. Under CI=true a missing tool
// fails the test.
func Have(t testing.TB, tool, install string) (string, bool) {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		MissingPart(t, tool+" is not installed", install)
		return "", false
	}
	return p, true
}

// Missing skips the test, or fails it under CI=true, saying what is
// missing and how to install it. It is for what Need and NeedPath cannot
// look up (a tool set up in one of several folders, or that failed to
// install).
func Missing(t testing.TB, what, install string) {
	t.Helper()
	if !failedInCI(t, what, install) {
		t.Skipf("%s; to run this test: %s", what, install)
	}
}

// MissingPart is Missing for an optional part of a test: it logs what is
// missing and how to install it, and the test goes on without that part;
// under CI=true it fails the test.
func MissingPart(t testing.TB, what, install string) {
	t.Helper()
	if !failedInCI(t, what, install) {
		t.Logf("%s: part of this test did not run; to run it: %s", what, install)
	}
}

// failedInCI fails the test under CI=true, where .ci/run has installed
// everything, and reports whether it did.
func failedInCI(t testing.TB, what, install string) bool {
	t.Helper()
	if os.Getenv("CI") != "true" {
		return false
	}
	t.Fatalf("%s; CI must install it: %s", what, install)
	return true
}
