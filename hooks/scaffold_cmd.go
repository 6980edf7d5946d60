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
		Name:      "scaffold",
		Usage:     "write a new connector that passes every check",
		UsageText: "pqcert scaffold [flags] NAME",
		Description: `Writes NAME/ — the section document (version, documented NAME.Contents, the data source
kind with TestConnection and the chosen authentication, Publish with Beta = true, icons,
a navigation table, HTTPS enforcement, tracing behind a flag that is off), a test query,
resources.resx and icons at 16–80 px — and, at the repository root when they are absent,
.pre-commit-config.yaml (the pqcert hooks), a Makefile (check, package, hooks) and .gitignore.

NAME must be a plain M identifier (letters of any script, digits, _) without the words
certification forbids (Fabric, Power BI, Connector, API); FUNCTION must be one that
check-certification accepts (no leading verb such as Get, no placeholder such as Test). Nothing is ever overwritten: an existing NAME/ is refused unless --force,
and files are written to a temporary folder first, then moved into place.
Exit status: 0 written, 2 refused (nothing written).`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "auth", Usage: "authentication kind; repeat or separate with commas: " + strings.Join(scaffold.AuthKinds, ", ") + " (default Anonymous); case does not matter, and these mean the same: " + scaffold.AuthAliasList()},
			&cli.StringFlag{Name: "url", Usage: "the service's fixed https root; without it, users enter the address"},
			&cli.StringFlag{Name: "dir", Value: ".", Usage: "the folder that receives NAME/"},
			&cli.StringFlag{Name: "category", Value: "Other", Usage: "Get Data category: " + strings.Join(scaffold.Categories, ", ") + "; other text is kept in Publish, but Get Data lists it under Other"},
			&cli.StringFlag{Name: "function", Value: "Contents", Usage: "the exported function, NAME.FUNCTION: a domain word such as " + strings.Join(scaffold.DomainFunctions, ", ")},
			&cli.StringFlag{Name: "label", Usage: "the name Get Data shows (default: NAME split into words)"},
			&cli.StringFlag{Name: "learn-more-url", Usage: "an https page about the connector, linked from Get Data"},
			&cli.BoolFlag{Name: "force", Usage: "write over the scaffold's own files in an existing NAME/ (other files are kept)"},
		},
		Action: func(c *cli.Context) error { return runScaffold(c, s) },
	}
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
		if k.Add == "" {
			fmt.Fprintf(s.Stdout, "kept the existing %s (it has what pqcert needs)\n", k.Path)
			continue
		}
		fmt.Fprintf(s.Stdout, "kept the existing %s; %s:\n", k.Path, k.How)
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
