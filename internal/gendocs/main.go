// Command gendocs writes docs/rules.md and the rule table of README.md
// from the rule registry (make docs). Run it from the repository root.
package main

import (
	"fmt"
	"os"

	"github.com/pqcert/pqcert/hooks"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func run() error {
	if err := os.MkdirAll("docs", 0o755); err != nil {
		return err
	}
	if err := os.WriteFile("docs/rules.md", []byte(hooks.RulesMarkdown()), 0o644); err != nil {
		return err
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return err
	}
	updated, ok := hooks.UpdateReadme(string(readme))
	if !ok {
		return fmt.Errorf("README.md lacks the rules:begin/rules:end markers")
	}
	return os.WriteFile("README.md", []byte(updated), 0o644)
}
