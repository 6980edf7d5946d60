// Command scaffold-connector: see 'scaffold-connector --help'.
package main

import (
	"os"

	"github.com/pqcert/pqcert/hooks"
)

func main() {
	os.Exit(hooks.Main("scaffold-connector", os.Args, hooks.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
