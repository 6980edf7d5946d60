package hooks

import (
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

func changesCommand(s Streams) *cli.Command {
	return &cli.Command{
		Name:      "changes",
		Usage:     "show what the checks would read: the change set and the connectors it touches",
		UsageText: "pqcert changes [--json] [--from-ref A --to-ref B] [--] [CONNECTOR_DIR | FILE | PACKAGE.mez ...]",
		Description: `By default the staged change (the index git hands a hook, against HEAD); with --from-ref
and --to-ref the change between two commits. Statuses are git's: A added, M modified,
D deleted, R renamed, T type changed, U unmerged. Connectors are added, modified, deleted
or moved, or ambiguous: the folder gained another section document, so it is no longer a
connector (and is not checked) though nothing was deleted. With paths there is no change: each connector found there is listed as "checked",
with all its packaged files.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "one JSON object"},
			&cli.StringFlag{Name: "from-ref", EnvVars: []string{"PRE_COMMIT_FROM_REF"}, Usage: "compare this commit …"},
			&cli.StringFlag{Name: "to-ref", EnvVars: []string{"PRE_COMMIT_TO_REF"}, Usage: "… with this one"},
		},
		Action: func(c *cli.Context) error {
			repo, repoErr := snapshot.OpenRepo(".")
			root := ""
			if repo != nil {
				defer repo.Close()
				root = repo.Root()
			}
			var in *input
			var err error
			if c.NArg() > 0 {
				if c.String("from-ref") != "" || c.String("to-ref") != "" {
					return usagef("paths cannot be combined with --from-ref/--to-ref")
				}
				in, err = pathInput(c.Args().Slice(), root)
			} else if in, err = readInput(mode{fromRef: c.String("from-ref"), toRef: c.String("to-ref")}, repo, repoErr); err == nil {
				printSkipped(s.Stderr, "pqcert changes", touchedDirs(in.ambiguous, in.changes, false))
			}
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return printChangesJSON(s, in)
			}
			printChangesText(s, in)
			return nil
		},
	}
}

type changeJSON struct {
	Status  string `json:"status"`
	Path    string `json:"path"`
	OldPath string `json:"oldPath,omitempty"`
}

type connectorJSON struct {
	Dir     string   `json:"dir"`
	OldDir  string   `json:"oldDir,omitempty"`
	Main    string   `json:"main"`
	Status  string   `json:"status"`
	Changed []string `json:"changed"`
}

func printChangesJSON(s Streams, in *input) error {
	out := struct {
		Changes    []changeJSON    `json:"changes"`
		Connectors []connectorJSON `json:"connectors"`
	}{Changes: []changeJSON{}, Connectors: []connectorJSON{}}
	for _, c := range in.changes {
		out.Changes = append(out.Changes, changeJSON{c.Status, c.Path, c.OldPath})
	}
	for _, t := range in.touched {
		out.Connectors = append(out.Connectors, connectorJSON{t.Dir, t.OldDir, t.Main, t.Status, nonNil(t.Changed)})
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Stdout, "%s\n", b)
	return nil
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func printChangesText(s Streams, in *input) {
	if len(in.changes) == 0 && len(in.touched) == 0 {
		fmt.Fprintln(s.Stdout, "no changes")
		return
	}
	for _, c := range in.changes {
		printChange(s, c)
	}
	if len(in.touched) == 0 {
		fmt.Fprintln(s.Stdout, "\nno connector touched")
		return
	}
	if len(in.changes) > 0 {
		fmt.Fprintln(s.Stdout)
	}
	fmt.Fprintln(s.Stdout, "connectors:")
	for _, t := range in.touched {
		printTouched(s, t)
	}
}

func printChange(s Streams, c snapshot.Change) {
	if c.OldPath != "" {
		fmt.Fprintf(s.Stdout, "%s\t%s -> %s\n", c.Status, c.OldPath, c.Path)
		return
	}
	fmt.Fprintf(s.Stdout, "%s\t%s\n", c.Status, c.Path)
}

func printTouched(s Streams, t connector.Touched) {
	dir := t.Dir
	if t.OldDir != "" {
		dir = t.OldDir + " -> " + t.Dir
	}
	if t.Status == "ambiguous" {
		fmt.Fprintf(s.Stdout, "  %s (ambiguous, was main %s: the folder now holds several section documents, so it is not checked as a connector)\n", dir, t.Main)
	} else {
		fmt.Fprintf(s.Stdout, "  %s (%s, main %s)\n", dir, t.Status, t.Main)
	}
	for _, f := range t.Changed {
		fmt.Fprintf(s.Stdout, "    %s\n", f)
	}
}

// pathInput describes what path arguments would check: no change set, and
// every connector found with all its packaged files.
func pathInput(paths []string, root string) (*input, error) {
	targets, err := pathTargets(paths, root)
	if err != nil {
		return nil, err
	}
	in := &input{}
	for _, t := range targets {
		c := t.After
		main := ""
		if c.Main != nil {
			main = c.Main.Path
		}
		in.touched = append(in.touched, connector.Touched{Dir: c.Dir, Main: main, Status: "checked", Changed: c.Files})
	}
	return in, nil
}
