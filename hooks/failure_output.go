package hooks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/report"
)

// A check command asked for json or sarif still writes a document when it
// fails (exit 2), so that CI reads a failure instead of an empty file that
// breaks the next step (a SARIF upload). The message also goes to stderr.

// failureFormat is the machine-readable format a check command was asked
// for in args (as reorderArgs leaves them: flags before paths), with its
// spec; "" for text, github, any other command, or a format not known.
func failureFormat(name string, args []string) (string, commandSpec) {
	spec, ok := commandSpecs[name]
	rest := args[min(1, len(args)):]
	if name == "pqcert" && len(args) > 1 && args[1] == "check" {
		spec, ok, rest = commandSpecs["check-certification"], true, args[2:]
	}
	if !ok {
		return "", commandSpec{}
	}
	format := ""
	for i := 0; i < len(rest) && rest[i] != "--"; i++ {
		flag, value, hasValue := strings.Cut(strings.TrimLeft(rest[i], "-"), "=")
		if flag != "format" || !strings.HasPrefix(rest[i], "-") {
			continue
		}
		if !hasValue && i+1 < len(rest) {
			i++
			value = rest[i]
		}
		format = value
	}
	if format != "json" && format != "sarif" {
		return "", commandSpec{}
	}
	return format, spec
}

// writeFailure writes the document of a failed run: for json
// {"diagnostics":[],"error":msg}, for sarif the log a run writes, with no
// results and an invocation that did not succeed, carrying msg.
func writeFailure(w io.Writer, format string, spec commandSpec, msg string) error {
	if format == "json" {
		return encode(w, map[string]any{"diagnostics": []any{}, "error": msg})
	}
	// The log is the one report.SARIF writes for a run with no results,
	// so the tool and its rules are described as in any other run; the
	// invocation is added to it here, since report has no field for it.
	rules := checks.All()
	if spec.Rules != nil {
		rules = checks.Select(spec.Rules...)
	}
	var buf bytes.Buffer
	if err := (&report.SARIF{}).Report(&buf, &report.Result{Rules: rules, Tool: spec.Name, Version: Version()}); err != nil {
		return err
	}
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		return err
	}
	runs, _ := log["runs"].([]any)
	if len(runs) == 0 {
		return fmt.Errorf("the SARIF log has no run")
	}
	run, _ := runs[0].(map[string]any)
	if run == nil {
		return fmt.Errorf("the SARIF log's run is not an object")
	}
	run["invocations"] = []any{map[string]any{
		"executionSuccessful": false,
		"toolExecutionNotifications": []any{map[string]any{
			"level":   "error",
			"message": map[string]any{"text": msg},
		}},
	}}
	return encode(w, log)
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// countingWriter counts what goes through it, so that a failure document
// is written only when the run wrote nothing.
type countingWriter struct {
	w io.Writer
	n int
}

// Unwrap is the writer underneath, for useColor to tell a terminal.
func (c *countingWriter) Unwrap() io.Writer { return c.w }

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}
