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

func main() { os.Exit(run()) }

func run() int {
	r, err := snapshot.OpenRepo(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "stagedbench:", err)
		return 2
	}
	cs, err := r.Staged()
	if err != nil {
		fmt.Fprintln(os.Stderr, "stagedbench:", err)
		return 2
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
	return 0
}
