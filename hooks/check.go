package hooks

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/report"
	"github.com/pqcert/pqcert/snapshot"
)

// checkFlags are the flags every check command takes.
func checkFlags(spec commandSpec) []cli.Flag {
	flags := []cli.Flag{
		&cli.BoolFlag{Name: "all", Usage: "check every connector, not only those the change touches"},
		&cli.StringFlag{Name: "from-ref", EnvVars: []string{"PRE_COMMIT_FROM_REF"}, Usage: "compare this commit (pre-push, CI) …"},
		&cli.StringFlag{Name: "to-ref", EnvVars: []string{"PRE_COMMIT_TO_REF"}, Usage: "… with this one, instead of HEAD with the staged index"},
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output: text, json, sarif or github"},
		&cli.BoolFlag{Name: "strict", Usage: "warnings fail the run too"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text output: auto (a terminal, no NO_COLOR), always or never"},
	}
	if spec.Placeholder {
		flags = append(flags, &cli.StringFlag{Name: "version-placeholder", Usage: "a version CI stamps later (e.g. 0.0.0): a connector that keeps it need not bump"})
	}
	if spec.Released {
		flags = append(flags, &cli.BoolFlag{Name: "released", Usage: "the connector has had its first certified release: Beta may be false"})
	}
	if spec.Fix {
		flags = append(flags, &cli.BoolFlag{Name: "fix", Usage: "raise the patch number in the working-tree file (then stage it)"})
	}
	return flags
}

// checkApp builds one of the check commands.
func checkApp(spec commandSpec, s Streams) *cli.App {
	return &cli.App{
		Name:        spec.Name,
		Usage:       spec.Usage,
		UsageText:   spec.Name + " [flags] [--] [CONNECTOR_DIR | FILE | PACKAGE.mez ...]",
		Description: spec.Description + "\n\n" + modesHelp + "\n\n" + examples(spec),
		Flags:       checkFlags(spec),
		Action: func(c *cli.Context) error {
			return runCheck(c, spec, s)
		},
	}
}

const modesHelp = `What is checked:
  (no arguments)          the connectors the staged change touches, read from the index git
                          hands the hook ($GIT_INDEX_FILE), compared with HEAD
  --from-ref A --to-ref B the connectors changed between two commits (pre-push, CI)
  --all                   every connector, not only the changed ones
  PATH...                 connector folders, files or .mez packages, read from disk

Exit status: 0 nothing fails the run, 1 findings (errors; warnings too with --strict),
2 pqcert could not do its job (bad flag, unreadable repository or input).
Suppress one finding with a comment on its line or the line before:
  // pqcert:ignore PQ032 loaded by the gateway template`

// examples shows the command in the ways people run it.
func examples(spec commandSpec) string {
	rows := [][2]string{
		{"", "the staged change, as the hook does"},
		{"--all --format sarif > out.sarif", "every connector, for code scanning"},
		{"--from-ref origin/main --to-ref HEAD", "what a branch changes"},
		{"Contoso/ dist/Contoso.mez", "a folder and a built package, from disk"},
	}
	if spec.Fix {
		rows = append(rows, [2]string{"--fix", "raise the patch number, then git add"})
	}
	var b strings.Builder
	b.WriteString("Examples:")
	for _, r := range rows {
		fmt.Fprintf(&b, "\n  %-58s %s", strings.TrimSpace(spec.Name+" "+r[0]), r[1])
	}
	return b.String()
}

func runCheck(c *cli.Context, spec commandSpec, s Streams) error {
	cfg := checks.DefaultConfig()
	// Settings a repository keeps in git config serve the plain git hooks
	// and the pre-commit hooks alike; a flag adds to them.
	// The repository is opened once: settings, the change and display
	// paths all come from it.
	repo, repoErr := snapshot.OpenRepo(".")
	root := ""
	if repo != nil {
		defer repo.Close()
		root = repo.Root()
	}
	repoCfg := readRepoSettings(repo)
	if spec.Placeholder {
		cfg.VersionPlaceholder = c.String("version-placeholder")
		if cfg.VersionPlaceholder == "" {
			cfg.VersionPlaceholder = repoCfg.placeholder
		}
	}
	if spec.Released {
		cfg.Released = c.Bool("released")
		cfg.ReleasedConnectors = repoCfg.released
	}
	cfg.Before = beforeName(c.String("from-ref"))
	rules := checks.All()
	if spec.Rules != nil {
		rules = checks.Select(spec.Rules...)
	}
	if err := checkColorFlag(c.String("color")); err != nil {
		return err
	}
	rep, err := report.New(c.String("format"), report.Options{Color: useColor(c.String("color"), s.Stdout)})
	if err != nil {
		return usagef("%v", err)
	}

	m := mode{fromRef: c.String("from-ref"), toRef: c.String("to-ref"), all: c.Bool("all"), paths: c.Args().Slice()}
	fix := spec.Fix && c.Bool("fix")
	var targets []checks.Target
	var skipped map[string][]string
	var worktree bool
	if len(m.paths) > 0 {
		if m.all || m.fromRef != "" || m.toRef != "" {
			return usagef("paths cannot be combined with --all or --from-ref/--to-ref")
		}
		if fix {
			return usagef("--fix raises a version that a change needs, and paths give no change to compare with: run it without paths (on the staged change, or on the working tree when nothing is staged)")
		}
		targets, err = pathTargets(m.paths, root)
	} else {
		var in *input
		if in, err = readInput(m, repo, repoErr); err == nil {
			err = in.unmerged()
		}
		// Run by hand with nothing staged for a connector (after a blocked
		// `git commit -a`), --fix reads the working tree. Not in a commit
		// hook (git sets GIT_INDEX_FILE there): the commit holds what is
		// staged, not the changes left on disk.
		if err == nil && fix && in.staged && len(in.touched) == 0 && os.Getenv("GIT_INDEX_FILE") == "" {
			err = in.useWorktree()
		}
		if err == nil {
			root, worktree = in.root, in.worktree
			targets, err = in.targets(m.all || in.whole)
			skipped = in.skipped
		}
	}
	if err != nil {
		return err
	}

	printSkipped(s.Stderr, spec.Name, skipped)
	diags, runErr := checks.Run(rules, targets, cfg)
	res := &report.Result{Diagnostics: diags, Rules: rules, Tool: spec.Name, Version: Version(), Root: root}
	if err := rep.Report(s.Stdout, res); err != nil {
		return err
	}
	if c.String("format") == "text" && len(diags) > 0 {
		fmt.Fprintln(s.Stdout, report.Summary(diags))
	}
	if runErr != nil {
		return runErr
	}
	fixed := false
	if fix {
		if fixed, err = fixVersions(diags, targets, root, s.Stderr); err != nil {
			return err
		}
		if worktree {
			printWorktreeNote(s.Stderr, spec.Name, fixed, len(targets) > 0)
		}
	}
	if fixed || checks.HasErrors(diags, c.Bool("strict")) {
		return errFindings
	}
	return nil
}

// checkColorFlag refuses a --color value other than auto, always or never.
func checkColorFlag(flag string) error {
	switch flag {
	case "auto", "always", "never":
		return nil
	}
	return usagef("--color takes auto, always or never, not %q", flag)
}

// useColor decides whether text output is coloured: never with a
// non-empty NO_COLOR (no-color.org), and by default only on a terminal.
func useColor(flag string, w io.Writer) bool {
	switch flag {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap()
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
