package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// advise fills in Kept and Next: for each repository file that existed,
// what of pqcert's it lacks (a Makefile the scaffold wrote gets the
// connector added to its CONNECTORS line); then the commands that work
// with the files as they now are (make hooks only when the Makefile has
// that target, git init first outside a repository).
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
		ks, err := adviseMakefile(d, rootFile("Makefile"), r.showRepo("Makefile"), makeTargets)
		if err != nil {
			return err
		}
		r.Kept = append(r.Kept, ks...)
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

	// The commands run where the Makefile is: after a cd there, when that
	// is not the current folder, the connector is named from there.
	conn := shellArg(filepath.ToSlash(r.Connector))
	if r.RepoRoot != "." && (r.NoRepo || makeTargets["hooks"] || makeTargets["check"] || makeTargets["package"]) {
		r.Next = append(r.Next, "cd "+shellArg(filepath.ToSlash(r.RepoRoot)))
		conn = shellArg(d.Dir)
	}
	if r.NoRepo {
		where := r.RepoRoot
		if where == "." {
			where = "the current folder"
		}
		r.Notes = append(r.Notes, fmt.Sprintf("note: %s is not in a git repository, and the hooks need one: run git init there first", where))
		r.Next = append(r.Next, "git init")
	}
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

// adviseMakefile says what an existing Makefile lacks, and clears
// makeTargets of the targets it does not have. A Makefile that
// scaffold-connector wrote (connectorsMarker) gets the new connector added
// to its CONNECTORS line; of any other, Kept shows the line to change.
func adviseMakefile(d *data, file, shown string, makeTargets map[string]bool) ([]Kept, error) {
	have, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(have), "\n")
	idx, ours := connectorsLine(lines)
	var ks []Kept
	var add []string
	for _, t := range []string{"check", "package", "hooks"} {
		if makeTarget(have, t) {
			continue // the user's own, or ours from an earlier scaffold
		}
		makeTargets[t] = false
		if len(add) == 0 && idx < 0 && t != "hooks" {
			block, err := renderNamed(d, "makefile-connectors")
			if err != nil {
				return nil, err
			}
			add = append(add, block)
		}
		block, err := renderNamed(d, "makefile-"+t)
		if err != nil {
			return nil, err
		}
		add = append(add, block)
	}
	if idx >= 0 {
		line, listed := withConnector(strings.TrimRight(lines[idx], "\r"), d.MakeDir)
		switch {
		case listed:
		case ours:
			crlf := strings.HasSuffix(lines[idx], "\r")
			lines[idx] = line
			if crlf {
				lines[idx] += "\r"
			}
			if err := replaceFile(file, []byte(strings.Join(lines, "\n"))); err != nil {
				ks = append(ks, Kept{Path: shown, Add: line, How: fmt.Sprintf("could not add %s to it (%v); change its CONNECTORS line to", d.Dir, err)})
			} else {
				ks = append(ks, Kept{Path: shown, Add: line, How: "added " + d.Dir + " to its CONNECTORS line", Updated: true})
			}
		default:
			ks = append(ks, Kept{Path: shown, Add: line, How: "add " + d.Dir + " to its CONNECTORS line, so that make check and make package cover it"})
		}
	} else if makeTargets["check"] || makeTargets["package"] {
		ks = append(ks, Kept{Path: shown, How: "its own check and package targets must cover " + d.Dir})
	}
	if len(add) > 0 {
		how := "add these targets to it (and to its .PHONY)"
		if idx < 0 && (!makeTargets["check"] || !makeTargets["package"]) {
			how = "add these lines to it (and the targets to its .PHONY)"
		}
		ks = append(ks, Kept{Path: shown, Add: strings.Join(add, "\n"), How: how})
	}
	if len(ks) == 0 {
		ks = append(ks, Kept{Path: shown})
	}
	return ks, nil
}

// replaceFile writes b over file by a rename, keeping its permissions.
func replaceFile(file string, b []byte) error {
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".scaffold-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // gone after the rename
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), st.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(f.Name(), file)
	}
	return err
}

// shellArg quotes s for sh when it needs it, for the commands shown as next steps.
func shellArg(s string) string {
	plain := func(c rune) bool {
		return unicode.IsLetter(c) || unicode.IsDigit(c) || strings.ContainsRune("_./-+=:,@", c)
	}
	if s != "" && strings.IndexFunc(s, func(c rune) bool { return !plain(c) }) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
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
