package hooks

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/mez"
	"github.com/pqcert/pqcert/report"
	"github.com/pqcert/pqcert/snapshot"
)

// packageCommand builds a connector's .mez (package-connector, pqcert package).
func packageCommand(s Streams) *cli.Command {
	return &cli.Command{
		Name:      "package",
		Usage:     "build a reproducible .mez, checked before and after it is built",
		UsageText: "pqcert package [flags] [CONNECTOR_DIR]",
		Description: `Builds NAME.mez from the connector in CONNECTOR_DIR (default: the current folder): a zip of
its packaged files only — the section document, .pqm modules, resources*.resx and .png icons;
never test queries, bin/, obj/, project files, secrets or older .mez files. The same sources
always give the same bytes (sorted entries, fixed time stamps), on any OS.

Every certification check runs first; errors refuse the build unless --force. The built
package is then read back and checked again, and it is kept only when it checks exactly like
its source: what ships is what was checked. 'check-certification NAME.mez' checks any .mez.

Exit status: 0 built, 1 findings refused the build, 2 pqcert could not build it.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the .mez to write, or an existing folder to write NAME.mez into (default: CONNECTOR_DIR/bin/NAME.mez)"},
			&cli.BoolFlag{Name: "force", Usage: "build even when the checks find errors"},
			&cli.BoolFlag{Name: "strict", Usage: "warnings refuse the build too"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the findings: auto, always or never"},
		},
		Action: func(c *cli.Context) error { return runPackage(c, s) },
	}
}

func runPackage(c *cli.Context, s Streams) error {
	if c.NArg() > 1 {
		return usagef("expected one connector folder, found %d", c.NArg())
	}
	dir := "."
	if c.NArg() == 1 {
		dir = c.Args().First()
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s: not a folder", dir)
	}
	snap, err := snapshot.OpenDir(dir)
	if err != nil {
		return err
	}
	pkg, err := onePackage(snap, dir)
	if err != nil {
		return err
	}
	rep, err := report.New("text", report.Options{Color: useColor(c.String("color"), s.Stdout)})
	if err != nil {
		return err
	}
	strict := c.Bool("strict")
	prefix := filepath.ToSlash(filepath.Clean(dir))

	src, err := checkPackage(snap, pkg, prefix)
	if err != nil {
		return err
	}
	if err := rep.Report(s.Stdout, &report.Result{Diagnostics: src, Rules: checks.All(), Tool: "package-connector", Version: Version()}); err != nil {
		return err
	}
	if checks.HasErrors(src, strict) && !c.Bool("force") {
		them := "them"
		if refusing(src, strict) == 1 {
			them = "it"
		}
		fmt.Fprintf(s.Stderr, "package-connector: not packaged: %s; fix %s, or pass --force\n", report.Summary(src), them)
		return errFindings
	}

	out := c.String("output")
	if out == "" {
		out = filepath.Join(dir, filepath.FromSlash(pkg.Dir), "bin", mez.Name(pkg))
	} else if st, err := os.Stat(out); err == nil && st.IsDir() || strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		// -o names a folder: the package goes into it under its own name.
		out = filepath.Join(out, mez.Name(pkg))
	}
	start := time.Now()
	tmp, size, err := buildMez(snap, pkg, out)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once renamed
	elapsed := time.Since(start)

	// Check what was built, under the name it will have.
	built, err := snapshot.OpenMez(tmp)
	if err != nil {
		return err
	}
	bpkg, err := onePackage(built, out)
	if err != nil {
		return err
	}
	got, err := checkPackage(built, bpkg, filepath.ToSlash(out)+"!")
	if err != nil {
		return err
	}
	if !sameVerdict(src, got) {
		_ = rep.Report(s.Stdout, &report.Result{Diagnostics: got, Rules: checks.All(), Tool: "package-connector", Version: Version()})
		return fmt.Errorf("the built package does not check like its source (%s before, %s after); nothing written", report.Summary(src), report.Summary(got))
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	fmt.Fprintf(s.Stdout, "built %s: %d files, %d bytes, in %s; checked again: %s\n",
		out, len(bpkg.Files), size, elapsed.Round(time.Millisecond), report.Summary(got))
	return nil
}

// refusing counts the findings that refuse a build: errors, and warnings
// too under --strict (as checks.HasErrors judges).
func refusing(ds []checks.Diagnostic, strict bool) int {
	n := 0
	for _, d := range ds {
		if d.Severity == checks.Error || strict {
			n++
		}
	}
	return n
}

// onePackage finds the single connector in a snapshot. A folder with
// several is ambiguous: the user names the one to package.
func onePackage(s snapshot.Snapshot, where string) (connector.Package, error) {
	pkgs, err := connector.Discover(s)
	if err != nil {
		return connector.Package{}, fmt.Errorf("%s: %v", where, err)
	}
	switch len(pkgs) {
	case 0:
		return connector.Package{}, fmt.Errorf("%s: no connector here (a connector is a folder with one section document, Name.pq)", where)
	case 1:
		return pkgs[0], nil
	}
	var dirs []string
	for _, p := range pkgs {
		dirs = append(dirs, path.Join(filepath.ToSlash(where), p.Dir))
	}
	return connector.Package{}, fmt.Errorf("%s holds %d connectors; package one of them: %s", where, len(pkgs), strings.Join(dirs, ", "))
}

// checkPackage runs every rule over one package, showing paths under prefix.
func checkPackage(s snapshot.Snapshot, pkg connector.Package, prefix string) ([]checks.Diagnostic, error) {
	targets := loadAll([]loadJob{{snap: s, pkg: pkg, prefix: prefix}})
	return checks.Run(checks.All(), targets, checks.DefaultConfig())
}

// buildMez writes the package to a temporary file beside out, so a failed
// or refused build never leaves a partial or unchecked NAME.mez.
func buildMez(s snapshot.Snapshot, pkg connector.Package, out string) (string, int64, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", 0, err
	}
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return "", 0, err
	}
	err = mez.Build(f, s, pkg)
	if err == nil {
		// CreateTemp makes the file private; a package is for sharing.
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", 0, err
	}
	st, err := os.Stat(f.Name())
	if err != nil {
		return "", 0, err
	}
	return f.Name(), st.Size(), nil
}

// sameVerdict compares two runs by rule, file name and position: the
// folder and the package show the same files under different prefixes.
func sameVerdict(a, b []checks.Diagnostic) bool {
	key := func(d checks.Diagnostic) string {
		return fmt.Sprintf("%s %s:%d:%d", d.Rule, path.Base(d.File), d.Line, d.Column)
	}
	count := map[string]int{}
	for _, d := range a {
		count[key(d)]++
	}
	for _, d := range b {
		count[key(d)]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}
