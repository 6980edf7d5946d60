package hooks

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestFailureOutput: with --format json or sarif, a run that fails (exit
// 2) still writes a document to stdout, carrying the message that goes to
// stderr, so that CI reads a failure and not an empty file.
func TestFailureOutput(t *testing.T) {
	testRepo(t)
	const prefix = "check-certification: " // then the message
	for _, args := range [][]string{
		{"--from-ref", "no-such-ref", "--to-ref", "HEAD"}, // a failure while running
		{"--bogus"}, // a flag error, before the command runs
	} {
		t.Run(strings.Join(args, " ")+" json", func(t *testing.T) {
			code, out, errOut := runCmd(t, "check-certification", append([]string{"--format", "json"}, args...)...)
			var got struct {
				Diagnostics []any  `json:"diagnostics"`
				Error       string `json:"error"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("exit %d, stdout not JSON: %v\n%s", code, err, out)
			}
			if code != 2 || got.Diagnostics == nil || len(got.Diagnostics) != 0 || !strings.HasPrefix(got.Error, prefix) || !strings.Contains(errOut, got.Error) {
				t.Fatalf("exit %d, want 2, diagnostics [] and the error of stderr\n%s%s", code, out, errOut)
			}
		})
		t.Run(strings.Join(args, " ")+" sarif", func(t *testing.T) {
			// pqcert check, and the format after a path-like position.
			code, out, errOut := runCmd(t, "pqcert", append(append([]string{"check"}, args...), "--format=sarif")...)
			var got struct {
				Version string `json:"version"`
				Runs    []struct {
					Tool struct {
						Driver struct {
							Name  string `json:"name"`
							Rules []any  `json:"rules"`
						} `json:"driver"`
					} `json:"tool"`
					Results     []any `json:"results"`
					Invocations []struct {
						ExecutionSuccessful *bool `json:"executionSuccessful"`
						Notifications       []struct {
							Level   string `json:"level"`
							Message struct {
								Text string `json:"text"`
							} `json:"message"`
						} `json:"toolExecutionNotifications"`
					} `json:"invocations"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("exit %d, stdout not JSON: %v\n%s", code, err, out)
			}
			if code != 2 || got.Version != "2.1.0" || len(got.Runs) != 1 {
				t.Fatalf("exit %d, want 2 and a SARIF 2.1.0 log with one run\n%s%s", code, out, errOut)
			}
			run := got.Runs[0]
			if run.Tool.Driver.Name != "check-certification" || len(run.Tool.Driver.Rules) == 0 || run.Results == nil || len(run.Results) != 0 {
				t.Errorf("want the check-certification driver with its rules and results []\n%s", out)
			}
			if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful == nil || *run.Invocations[0].ExecutionSuccessful ||
				len(run.Invocations[0].Notifications) != 1 || run.Invocations[0].Notifications[0].Level != "error" ||
				!strings.HasPrefix(run.Invocations[0].Notifications[0].Message.Text, "pqcert: ") ||
				!strings.Contains(errOut, run.Invocations[0].Notifications[0].Message.Text) {
				t.Errorf("want one unsuccessful invocation carrying the error of stderr\n%s\n%s", out, errOut)
			}
		})
	}
	// Text and a run that succeeds are as before.
	if code, out, _ := runCmd(t, "check-certification", "--from-ref", "no-such-ref", "--to-ref", "HEAD"); code != 2 || out != "" {
		t.Errorf("text: exit %d, want 2 and nothing on stdout\n%s", code, out)
	}
	if code, out, errOut := runCmd(t, "check-certification", "--format", "json"); code != 0 || strings.TrimSpace(out) != `{"diagnostics":[]}` {
		t.Errorf("a clean run: exit %d\n%s%s", code, out, errOut)
	}
}
