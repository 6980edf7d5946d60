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
		Description: `Without --json, prints each file's section and members, or every syntax error, one per line.
With --json, one line per file in the shape of the reference parser harness (pqref):
{"file","ok","kind","sectionName","literalAttributes","members":[{"name","shared","attributes"}]}
or {"file","ok":false,"error","line","column"}, or {"file","ok":false,"stage":"read","errorKind","error"}
for a file that cannot be read. Exit status 1 when any file fails to parse, 2 when any cannot be read.`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "one JSON object per file"}},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("parse needs at least one file")
			}
			failed, unread := false, 0
			for _, name := range c.Args().Slice() {
				var rec outline.Record
				src, err := readSource(name)
				if err != nil {
					unread++
					rec = outline.ReadFailure(name, err)
					if !c.Bool("json") {
						fmt.Fprintf(s.Stderr, "%s\n", err)
						continue
					}
				} else {
					f, perr := parser.ParseFile(name, src, 0)
					failed = failed || perr != nil
					if !c.Bool("json") {
						printOutline(s, name, f, perr)
						continue
					}
					rec = outline.Outline(name, f, perr)
				}
				b, err := json.Marshal(rec)
				if err != nil {
					return err
				}
				fmt.Fprintf(s.Stdout, "%s\n", b)
			}
			switch {
			case unread == 1:
				return fmt.Errorf("1 file could not be read")
			case unread > 1:
				return fmt.Errorf("%d files could not be read", unread)
			case failed:
				return errFindings
			}
			return nil
		},
	}
}

// readSource reads a file to parse; a folder is an error, as a file that
// does not exist is.
func readSource(name string) ([]byte, error) {
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a folder, not an M file", name)
	}
	return os.ReadFile(name)
}
