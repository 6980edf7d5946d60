package hooks

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pqcert/pqcert/m/outline"
	"github.com/pqcert/pqcert/m/parser"
)

func parseCommand(s Streams) *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "parse M files and print their outline (section, members, attributes) or errors",
		UsageText: "pqcert parse [--json] [--] FILE...",
		Description: `With --json, one line per file in the shape of the reference parser harness (pqref):
{"file","ok","kind","sectionName","literalAttributes","members":[{"name","shared","attributes"}]}
or {"file","ok":false,"error","line","column"}. Exit status 1 when any file fails to parse.`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "one JSON object per file"}},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("parse needs at least one file")
			}
			failed := false
			for _, name := range c.Args().Slice() {
				src, err := os.ReadFile(name)
				if err != nil {
					return err
				}
				f, perr := parser.ParseFile(name, src, 0)
				rec := outline.Outline(name, f, perr)
				failed = failed || perr != nil
				if c.Bool("json") {
					b, err := json.Marshal(rec)
					if err != nil {
						return err
					}
					fmt.Fprintf(s.Stdout, "%s\n", b)
					continue
				}
				printOutline(s, name, f, perr)
			}
			if failed {
				return errFindings
			}
			return nil
		},
	}
}
