package hooks

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// pqcertApp is the umbrella command for people: the checks under short
// names, and the tools that show what pqcert sees.
func pqcertApp(s Streams) *cli.App {
	cert := commandSpecs["check-certification"]
	return &cli.App{
		Name:  "pqcert",
		Usage: "keep a Power Query connector certifiable, from its first commit",
		Description: `pqcert checks Power Query custom connectors (M) against Microsoft's connector-certification
requirements. The same checks run as pre-commit hooks (check-version-bump, check-resx-strings,
check-beta-flag, check-no-tracing) and, all at once, as check-certification.`,
		Commands: []*cli.Command{
			{
				Name:        "check",
				Usage:       cert.Usage + " (check-certification)",
				UsageText:   "pqcert check [flags] [--] [CONNECTOR_DIR | FILE | PACKAGE.mez ...]",
				Description: cert.Description + "\n\n" + modesHelp,
				Flags:       checkFlags(cert),
				Action:      func(c *cli.Context) error { return runCheck(c, cert, s) },
			},
			parseCommand(s),
			changesCommand(s),
			explainCommand(s),
			rulesCommand(s),
			scaffoldCommand(s),
			packageCommand(s),
			demoCommand(s),
			installHooksCommand(s),
		},
	}
}

// commandApp makes a stand-alone command (scaffold-connector,
// package-connector) from the pqcert subcommand of the same job.
func commandApp(name string, c *cli.Command) *cli.App {
	return &cli.App{
		Name:        name,
		Usage:       c.Usage,
		UsageText:   strings.Replace(c.UsageText, "pqcert "+c.Name, name, 1),
		Description: c.Description,
		Flags:       c.Flags,
		Action:      c.Action,
	}
}
