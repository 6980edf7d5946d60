// Command pqcert: see 'pqcert --help'.
package main

import (
	"os"

	"github.com/pqcert/pqcert/hooks"
)

func main() {
	os.Exit(hooks.Main("pqcert", os.Args, hooks.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
