package hooks

import (
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/pqcert/pqcert/demo"
)

func demoCommand(s Streams) *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "show the hooks at work on a scaffolded connector, in a temporary repository",
		Description: `Scaffolds a connector in a temporary git repository with the pqcert hooks installed,
commits it, then tries three commits partners make by mistake (tracing turned back on, a
change without a version bump, a string key resources.resx lacks) and shows each blocked with
its finding, then fixed and committed. Needs git, and the pqcert commands beside pqcert
(make demo builds them). Exit status 0 when everything behaved as it should.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "bin", Usage: "the folder holding the pqcert commands (default: beside pqcert)"},
			&cli.BoolFlag{Name: "keep", Usage: "keep the temporary repository to look at"},
		},
		Action: func(c *cli.Context) error {
			bin := c.String("bin")
			if bin == "" {
				exe, err := os.Executable()
				if err != nil {
					return err
				}
				bin = filepath.Dir(exe)
			}
			return demo.Run(demo.Options{BinDir: bin, Scripts: GitHooks, Out: s.Stdout, Keep: c.Bool("keep")})
		},
	}
}
