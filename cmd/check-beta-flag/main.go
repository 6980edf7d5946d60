// Command check-beta-flag: see 'check-beta-flag --help'.
package main

import (
	"os"

	"github.com/pqcert/pqcert/hooks"
)

func main() {
	os.Exit(hooks.Main("check-beta-flag", os.Args, hooks.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
