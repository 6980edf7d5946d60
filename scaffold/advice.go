package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// advise fills in Kept and Next: for each repository file that existed,
// what of pqcert's it lacks; then the commands that work with the files
// as they now are (make hooks only when the Makefile has that target).
func (r *Result) advise(d *data, root string) error {
	rootFile := func(name string) string { return filepath.Join(root, name) }
	kept := map[string]bool{}
	for _, name := range []string{".pre-commit-config.yaml", "Makefile", ".gitignore"} {
		shown := r.showRepo(name)
		for _, s := range r.Skipped {
			if s == shown {
				kept[name] = true
			}
		}
	}
	makeTargets := map[string]bool{"check": true, "package": true, "hooks": true}
	if kept["Makefile"] {
		have, err := os.ReadFile(rootFile("Makefile"))
		if err != nil {
			return err
		}
		var add []string
		for _, t := range []string{"check", "package", "hooks"} {
			if makeTarget(have, t) {
				continue // the user's own, or ours from an earlier scaffold
			}
			makeTargets[t] = false
			block, err := renderNamed(d, "makefile-"+t)
			if err != nil {
				return err
			}
			add = append(add, block)
		}
		k := Kept{Path: r.showRepo("Makefile")}
		if len(add) > 0 {
			k.Add = strings.Join(add, "\n")
			k.How = "add these targets to it (and to its .PHONY)"
		}
		r.Kept = append(r.Kept, k)
	}
	for _, f := range []struct{ name, marker, block, how string }{
		{".pre-commit-config.yaml", "github.com/pqcert/pqcert", "precommit-repo", "add this entry under repos"},
		{".gitignore", ".scaffold-", "gitignore-scaffold", "add these lines"},
	} {
		if !kept[f.name] {
			continue
		}
		have, err := os.ReadFile(rootFile(f.name))
		if err != nil {
			return err
		}
		k := Kept{Path: r.showRepo(f.name)}
		if !bytes.Contains(have, []byte(f.marker)) {
			if k.Add, err = renderNamed(d, f.block); err != nil {
				return err
			}
			k.How = f.how
			if f.name == ".pre-commit-config.yaml" && !bytes.Contains(have, []byte("default_install_hook_types")) {
				k.Add = "default_install_hook_types: [pre-commit, pre-push]\nrepos:\n" + k.Add
				k.How = "add its first line at the top level, and the entry under repos"
			}
		}
		r.Kept = append(r.Kept, k)
	}

	conn := filepath.ToSlash(r.Connector)
	if makeTargets["hooks"] {
		r.Next = append(r.Next, "make hooks")
	} else {
		r.Next = append(r.Next, "pre-commit install -t pre-commit -t pre-push (or: pqcert install-hooks)")
	}
	r.Next = append(r.Next, "git add "+conn, "git commit")
	if makeTargets["check"] {
		r.Next = append(r.Next, "make check")
	} else {
		r.Next = append(r.Next, "check-certification "+conn)
	}
	if makeTargets["package"] {
		r.Next = append(r.Next, "make package")
	} else {
		r.Next = append(r.Next, "package-connector "+conn)
	}
	return nil
}

// showRepo is how Write shows the repository file name.
func (r *Result) showRepo(name string) string { return filepath.Join(r.RepoRoot, name) }

// makeTarget reports whether a Makefile defines target (a rule line
// "target:" or "target other:", not a variable assignment "target := x").
func makeTarget(makefile []byte, target string) bool {
	re := regexp.MustCompile(`(?m)^(?:[^\s:#=][^:#=]*\s)?` + regexp.QuoteMeta(target) + `(?:\s[^:#=]*)?:(?:[^=]|$)`)
	return re.Match(makefile)
}

// renderNamed executes one {{define}} block of the templates.
func renderNamed(d *data, name string) (string, error) {
	t, err := parseTemplates()
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, d); err != nil {
		return "", fmt.Errorf("templates: %w", err)
	}
	return b.String(), nil
}
