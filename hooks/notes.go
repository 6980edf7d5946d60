package hooks

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pqcert/pqcert/snapshot"
)

// touchedDirs keeps the ambiguous folders that a change touches (all of
// them with all): a monorepo may hold many folders of loose queries, and
// a commit should hear only of those it changes.
func touchedDirs(ambiguous map[string][]string, changes []snapshot.Change, all bool) map[string][]string {
	if all || len(ambiguous) == 0 {
		return ambiguous
	}
	out := map[string][]string{}
	for dir, docs := range ambiguous {
		for _, c := range changes {
			if under(c.Path, dir) || (c.OldPath != "" && under(c.OldPath, dir)) {
				out[dir] = docs
				break
			}
		}
	}
	return out
}

func under(p, dir string) bool { return dir == "" || strings.HasPrefix(p, dir+"/") }

// maxNotes is how many folders or paths a message names before it counts
// the rest.
const maxNotes = 5

// printSkipped tells, on w, which folders were not checked and why.
func printSkipped(w io.Writer, name string, skipped map[string][]string) {
	dirs := make([]string, 0, len(skipped))
	for d := range skipped {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for i, d := range dirs {
		if i == maxNotes {
			fmt.Fprintf(w, "%s: note: and %d more such folders\n", name, len(dirs)-maxNotes)
			break
		}
		docs := skipped[d]
		if d == "" {
			d = "."
		}
		fmt.Fprintf(w, "%s: note: %s holds %d section documents (%s), so it is not checked as a connector; a connector folder holds exactly one\n",
			name, d, len(docs), nameSome(docs, 3))
	}
}

// nameSome lists up to n items, then counts the rest: "a, b, c and 2 more".
func nameSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
