package scaffold

import (
	"fmt"
	"regexp"
	"strings"
)

// connectorsMarker is the comment of a Makefile that scaffold-connector
// wrote, on the line before its CONNECTORS line: a later scaffold adds its
// connector's folder to that line. A Makefile without it is the user's, and
// is never changed.
const connectorsMarker = "# scaffold-connector adds the folder of each connector it writes to this line."

// connectorsLineRe is a CONNECTORS assignment on one line.
var connectorsLineRe = regexp.MustCompile(`^CONNECTORS\s*(?:::=|:=|\?=|=)`)

// makeWord writes a folder as one word of a Makefile variable that a
// recipe hands to sh: in single quotes for sh, then every $ doubled and
// every # escaped for make.
func makeWord(dir string) string {
	sh := "'" + strings.ReplaceAll(dir, "'", `'\''`) + "'"
	return strings.NewReplacer("$", "$$", "#", `\#`).Replace(sh)
}

// checkMakeDir refuses a connector folder that no Makefile line can hold.
func checkMakeDir(dir string) error {
	if strings.ContainsAny(dir, "\r\n") {
		return fmt.Errorf("%q: a folder with a line break in its path cannot be named in the Makefile", dir)
	}
	return nil
}

// connectorsLine finds the CONNECTORS line of a Makefile: its index among
// lines, and whether the marker comment precedes it. -1 when there is none
// (or it continues onto the next line, which is not ours to edit).
func connectorsLine(lines []string) (i int, ours bool) {
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if !connectorsLineRe.MatchString(l) || strings.HasSuffix(l, `\`) {
			continue
		}
		return i, i > 0 && strings.TrimRight(lines[i-1], "\r") == connectorsMarker
	}
	return -1, false
}

// withConnector returns the CONNECTORS line with word added before any
// comment on it, and whether the line already lists it.
func withConnector(line, word string) (string, bool) {
	value, comment := line, ""
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '#' {
			value, comment = line[:i], line[i:]
			break
		}
	}
	value = strings.TrimRight(value, " \t\r")
	_, rhs, _ := strings.Cut(value, "=")
	if strings.Contains(" "+strings.TrimSpace(rhs)+" ", " "+word+" ") {
		return line, true
	}
	if comment != "" {
		comment = " " + comment
	}
	return value + " " + word + comment, false
}
