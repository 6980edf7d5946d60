// Command check-no-tracing: see 'check-no-tracing --help'.
package main

import (
	"os"

	"github.com/pqcert/pqcert/hooks"
)

func main() {
	os.Exit(hooks.Main("check-no-tracing", os.Args, hooks.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
