// Command stagedbench prints the staged change of the repository in the
// working directory, like `git diff --cached --name-status`. It exists so
// the benchmark can time pqcert from process start to the list, the way a
// hook pays for it.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/pqcert/pqcert/snapshot"
)

// An error goes to stderr and leaves the list empty, which the benchmark,
// comparing the list with git's, reports.
func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "stagedbench:", err)
	}
}

func run() error {
	r, err := snapshot.OpenRepo(".")
	if err != nil {
		return err
	}
	cs, err := r.Staged()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, c := range cs {
		if c.Status == "R" {
			fmt.Fprintf(w, "R\t%s\t%s\n", c.OldPath, c.Path)
		} else {
			fmt.Fprintf(w, "%s\t%s\n", c.Status, c.Path)
		}
	}
	return nil
}
