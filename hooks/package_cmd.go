package hooks

import "github.com/urfave/cli/v2"

// packageCommand: placeholder until the packager lands.
func packageCommand(s Streams) *cli.Command {
	return &cli.Command{Name: "package", Usage: "build a reproducible .mez", Action: func(*cli.Context) error { return usagef("not implemented yet") }}
}
