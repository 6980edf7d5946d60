// Command pqcert is the umbrella command: parse, changes, check, explain,
// rules, scaffold, package and demo.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "pqcert: under construction")
	os.Exit(2)
}
