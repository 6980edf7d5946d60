package hooks

import "github.com/urfave/cli/v2"

// scaffoldCommand: placeholder until the scaffolder lands.
func scaffoldCommand(s Streams) *cli.Command {
	return &cli.Command{Name: "scaffold", Usage: "write a new connector that passes every check", Action: func(*cli.Context) error { return usagef("not implemented yet") }}
}
