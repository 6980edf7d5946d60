package report

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/pqcert/pqcert/internal/testtool"
)

// multitoolVersion is the SARIF Multitool the logs are validated with.
const multitoolVersion = "5.7.0"

// acceptedWarnings are Multitool warnings this writer produces on purpose.
var acceptedWarnings = map[string]string{
	// A file-level finding (a missing icon) has no line. The Multitool
	// wants a region anyway; inventing line 1 would make code scanning
	// point at a line that is not the problem, so the region is left out.
	"SARIF2017": "file-level findings have no region",
}

// TestSARIFValidates runs Microsoft's SARIF Multitool over the output,
// with its SARIF rules and its GitHub code scanning rules (--rule-kind Gh
// Sarif), and fails on any error and on any warning not accepted above.
func TestSARIFValidates(t *testing.T) {
	tool := multitool(t)
	noRules := fixture()
	noRules.Rules = nil // rules[] then comes from the catalogue
	for name, r := range map[string]*Result{
		"fixture":     fixture(),
		"empty":       {Tool: "check-certification"},
		"catalogue":   noRules,
		"no-root-dev": {Diagnostics: fixture().Diagnostics, Rules: fixture().Rules},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.sarif"), filepath.Join(dir, "out.sarif")
			if err := os.WriteFile(in, render(t, "sarif", Options{}, r), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, tool, "validate", in, "-o", out, "--rule-kind", "Gh", "Sarif")
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("sarif-multitool validate: %v\n%s", err, msg)
			}
			checkValidation(t, out)
		})
	}
}

// checkValidation reads the Multitool's own SARIF log of its findings.
func checkValidation(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	for _, run := range log.Runs {
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful {
				t.Errorf("the Multitool reports an unsuccessful run:\n%s", data)
			}
		}
		for _, res := range run.Results {
			level := res.Level
			if level == "" {
				level = "warning" // SARIF's default level
			}
			switch {
			case level == "error":
				t.Errorf("%s %s %v", level, res.RuleID, res.Message.Arguments)
			case level == "warning" && acceptedWarnings[res.RuleID] == "":
				t.Errorf("%s %s %v", level, res.RuleID, res.Message.Arguments)
			}
		}
	}
}

// multitool returns the sarif-multitool command, installing it with npm
// into a cache folder (PQCERT_SARIF_MULTITOOL, or the user cache) the
// first time. Without node and npm the test is skipped, except in CI.
func multitool(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("PQCERT_SARIF_MULTITOOL")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			testtool.Missing(t, fmt.Sprintf("no cache folder for the SARIF Multitool (%v)", err), "set PQCERT_SARIF_MULTITOOL to a folder")
		}
		dir = filepath.Join(cache, "pqcert-test", "sarif")
	}
	testtool.Need(t, "node", "apt-get install nodejs npm (to validate SARIF output)")
	testtool.Need(t, "npm", "apt-get install nodejs npm (to validate SARIF output)")
	bin := filepath.Join(dir, "node_modules", ".bin", "sarif-multitool")
	if _, err := os.Stat(bin); err != nil {
		install(t, dir)
	}
	// npm 11 does not run the package's install script, which is what sets
	// the run bit on the native binary.
	natives, _ := filepath.Glob(filepath.Join(dir, "node_modules", "@microsoft", "sarif-multitool-*", "Sarif.Multitool"))
	for _, n := range natives {
		if st, err := os.Stat(n); err == nil {
			if err := os.Chmod(n, st.Mode()|0o100); err != nil {
				t.Fatal(err)
			}
		}
	}
	return bin
}

func install(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Without a package.json here npm would install into the nearest
	// parent folder that has one.
	pkg := filepath.Join(dir, "package.json")
	if _, err := os.Stat(pkg); err != nil {
		if err := os.WriteFile(pkg, []byte(`{"private": true}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "@microsoft/sarif-multitool@"+multitoolVersion)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		testtool.Missing(t, fmt.Sprintf("npm install @microsoft/sarif-multitool@%s in %s failed: %v\n%s", multitoolVersion, dir, err, out),
			"npm must reach its registry, or PQCERT_SARIF_MULTITOOL name a folder where the SARIF Multitool is installed")
	}
}
