package hooks

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pqcert/pqcert/scaffold"
)

// scaffoldCommand writes a new connector (scaffold-connector, pqcert scaffold).
func scaffoldCommand(s Streams) *cli.Command {
	return &cli.Command{
		Name:        "scaffold",
		Usage:       "write a new connector that passes every check",
		UsageText:   "pqcert scaffold [flags] NAME",
		Description: scaffoldDescription(),
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "auth", Usage: "authentication kinds (see above), repeated or comma-separated"},
			&cli.StringFlag{Name: "url", Usage: "the service's fixed https root (default: users enter it)"},
			&cli.StringFlag{Name: "dir", Value: ".", Usage: "the folder that receives NAME/"},
			&cli.StringFlag{Name: "category", Value: "Other", Usage: "the Get Data category (see above)"},
			&cli.StringFlag{Name: "function", Value: "Contents", Usage: "the exported function (see above)"},
			&cli.StringFlag{Name: "label", Usage: "the name Get Data shows (default: NAME in words)"},
			&cli.StringFlag{Name: "learn-more-url", Usage: "an https page about the connector"},
			&cli.BoolFlag{Name: "force", Usage: "rewrite the scaffold's files in an existing NAME/"},
		},
		Action: func(c *cli.Context) error { return runScaffold(c, s) },
	}
}

// scaffoldDescription is the --help text, its lists from the scaffold
// package, folded at 95 columns like the other commands' help.
func scaffoldDescription() string {
	paras := []string{
		"Writes NAME/ — the section document (version, the documented exported function, the data " +
			"source kind with TestConnection and the chosen authentication, Publish with Beta = true, " +
			"icons, a navigation table, HTTPS enforcement, tracing behind a flag that is off), a test " +
			"query, resources.resx and icons at 16–80 px — and, at the root of the git repository around " +
			"--dir when they are absent, .pre-commit-config.yaml (the pqcert hooks), a Makefile (check, " +
			"package, hooks) and .gitignore. A Makefile that scaffold-connector wrote covers the " +
			"connectors listed on its CONNECTORS line; each later scaffold adds its own there.",
		"NAME must be a plain M identifier (letters of any script, digits, _) without the words " +
			"certification forbids (Fabric, Power BI, Connector, API).",
		"--function names the exported function (NAME.Contents by default): a domain word such as " +
			strings.Join(scaffold.DomainFunctions, ", ") + " that check-certification accepts (no " +
			"leading verb such as Get, no placeholder such as Test).",
		"--auth takes " + strings.Join(scaffold.AuthKinds, ", ") + " (default Anonymous), in any case, " +
			"and these other spellings: " + scaffold.AuthAliasList() + ".",
		"--category: " + strings.Join(scaffold.Categories, ", ") + " (the default); other text is kept " +
			"in Publish, but Get Data lists it under Other.",
		"Nothing is ever overwritten: an existing NAME/ is refused unless --force, and files are " +
			"written to a temporary folder first, then moved into place.",
		"Exit status: 0 written, 2 refused (nothing written).",
	}
	for i, p := range paras {
		paras[i] = strings.TrimSuffix(wrap(p, 95), "\n")
	}
	return strings.Join(paras, "\n\n")
}

func runScaffold(c *cli.Context, s Streams) error {
	args := c.Args().Slice()
	switch {
	case len(args) == 0:
		return usagef("expected the connector's NAME, e.g. scaffold-connector --auth OAuth Contoso")
	case len(args) > 1:
		return usagef("expected one NAME, found %d: %s", len(args), strings.Join(args, " "))
	}
	// The name first: a refused name must say why before any other
	// complaint, and write nothing.
	if err := scaffold.CheckName(args[0]); err != nil {
		return err
	}
	res, err := scaffold.Write(scaffold.Options{
		Name:         args[0],
		Dir:          c.String("dir"),
		Auth:         c.StringSlice("auth"),
		URL:          c.String("url"),
		Category:     c.String("category"),
		Function:     c.String("function"),
		Label:        c.String("label"),
		LearnMoreURL: c.String("learn-more-url"),
		Version:      Version(),
		Force:        c.Bool("force"),
	})
	if err != nil {
		var ne *scaffold.NameError
		if errors.As(err, &ne) {
			return err
		}
		return fmt.Errorf("nothing written: %w", err)
	}
	fmt.Fprintf(s.Stdout, "wrote %d files:\n", len(res.Written))
	for _, f := range res.Written {
		fmt.Fprintf(s.Stdout, "  %s\n", f)
	}
	for _, k := range res.Kept {
		switch {
		case k.Updated:
			fmt.Fprintf(s.Stdout, "updated the existing %s: %s:\n", k.Path, k.How)
		case k.Add == "" && k.How == "":
			fmt.Fprintf(s.Stdout, "kept the existing %s (it has what pqcert needs)\n", k.Path)
			continue
		case k.Add == "":
			fmt.Fprintf(s.Stdout, "kept the existing %s; %s\n", k.Path, k.How)
			continue
		default:
			fmt.Fprintf(s.Stdout, "kept the existing %s; %s:\n", k.Path, k.How)
		}
		for _, line := range strings.Split(strings.TrimRight(k.Add, "\n"), "\n") {
			fmt.Fprintf(s.Stdout, "    %s\n", line)
		}
	}
	for _, n := range res.Notes {
		fmt.Fprintf(s.Stderr, "scaffold-connector: %s\n", n)
	}
	fmt.Fprintf(s.Stdout, "next: %s\n", strings.Join(res.Next, "; "))
	return nil
}
