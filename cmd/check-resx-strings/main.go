// Command check-resx-strings: see 'check-resx-strings --help'.
package main

import (
	"os"

	"github.com/pqcert/pqcert/hooks"
)

func main() {
	os.Exit(hooks.Main("check-resx-strings", os.Args, hooks.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
