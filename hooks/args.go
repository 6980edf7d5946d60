package hooks

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// reorderArgs moves flags written after paths in front of them, so that
// `check-certification Contoso --format json` works as people expect
// (urfave/cli, like Go's flag package, stops at the first path). After
// `--` nothing is a flag: that is how a path starting with '-' is given.
// args[0] is the program; for the pqcert umbrella the subcommand's own
// flags are used.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	head, rest, flags := args[:1], args[1:], app.Flags
	for _, c := range app.Commands {
		if c.HasName(args[1]) {
			head, rest, flags = args[:2], args[2:], c.Flags
			break
		}
	}
	takesValue := map[string]bool{}
	for _, f := range flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var front, paths []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			paths = append(paths, rest[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			paths = append(paths, a)
			continue
		}
		front = append(front, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if takesValue[name] && i+1 < len(rest) {
			front = append(front, rest[i+1])
			i++
		}
	}
	out := append(append([]string{}, head...), front...)
	if len(paths) > 0 {
		out = append(out, "--")
		out = append(out, paths...)
	}
	return out
}
