// Package checkstest runs rules over testdata connectors and compares the
// findings with the expectations written inline in the inputs:
//
//	Contoso.Contents = Web.Contents("http://x") // want PQ050 "plain HTTP"
//	<data name="Url"> <!-- want PQ034 "URL" -->
//
// A `want` comment expects a finding on its own line whose message matches
// the quoted regular expression (and whose rule is the ID, when given).
// Findings without a line (a missing icon file) are expected in a file
// named EXPECT in the case folder, one per line: `path: PQ017 "regexp"`;
// `path:1: PQ036 "regexp"` expects one on a line of a file that cannot
// hold a want comment there.
// Every expectation must be met and every finding expected.
package checkstest

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
)

// Expectation is one expected finding.
type Expectation struct {
	File string
	Line int // 0 for a file-level finding
	Rule string
	RE   *regexp.Regexp
	met  bool
}

func (e *Expectation) String() string {
	id := ""
	if e.Rule != "" {
		id = e.Rule + " "
	}
	return fmt.Sprintf("%s:%d: %s%q", e.File, e.Line, id, e.RE.String())
}

var wantRE = regexp.MustCompile(`(?://|/\*|<!--)\s*want\s+((?:(?:PQ[0-9]{3}\s+)?"(?:[^"\\]|\\.)*"\s*)+)`)
var expectLineRE = regexp.MustCompile(`^([0-9]+):`)
var oneWantRE = regexp.MustCompile(`(?:(PQ[0-9]{3})\s+)?("(?:[^"\\]|\\.)*")`)

// Files reads every file below root into a map keyed by '/'-separated path.
func Files(root string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "EXPECT" || rel == "CONFIG" {
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	})
	return files, err
}

// Connector loads the connector whose files are given: the one section
// document (a .pq that is not a .query.pq, or a .m) is the main file, and
// every other file is packaged.
func Connector(files map[string][]byte) (*checks.Connector, error) {
	var main string
	var names []string
	for p := range files {
		names = append(names, p)
		lower := strings.ToLower(p)
		if (strings.HasSuffix(lower, ".pq") && !strings.HasSuffix(lower, ".query.pq")) || strings.HasSuffix(lower, ".m") {
			if main != "" {
				return nil, fmt.Errorf("two section documents: %s and %s", main, p)
			}
			main = p
		}
	}
	sort.Strings(names)
	read := func(p string) ([]byte, error) {
		b, ok := files[p]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return b, nil
	}
	return checks.Load(".", main, names, read), nil
}

// StringFiles converts an example's files to bytes.
func StringFiles(m map[string]string) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = []byte(v)
	}
	return out
}

// LoadCase loads a testdata case folder: the connector itself, or `after/`
// and `before/` folders for rules that compare with what was committed.
func LoadCase(dir string) (checks.Target, map[string][]byte, error) {
	afterDir := dir
	if st, err := os.Stat(filepath.Join(dir, "after")); err == nil && st.IsDir() {
		afterDir = filepath.Join(dir, "after")
	}
	files, err := Files(afterDir)
	if err != nil {
		return checks.Target{}, nil, err
	}
	after, err := Connector(files)
	if err != nil {
		return checks.Target{}, nil, err
	}
	t := checks.Target{After: after}
	if st, err := os.Stat(filepath.Join(dir, "before")); err == nil && st.IsDir() {
		bf, err := Files(filepath.Join(dir, "before"))
		if err != nil {
			return t, nil, err
		}
		if t.Before, err = Connector(bf); err != nil {
			return t, nil, err
		}
	}
	return t, files, nil
}

// Expectations collects the want comments of the files and the EXPECT file
// of the case folder.
func Expectations(dir string, files map[string][]byte) ([]*Expectation, error) {
	var out []*Expectation
	for p, src := range files {
		if !isText(p) {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		line := 0
		for sc.Scan() {
			line++
			for _, m := range wantRE.FindAllStringSubmatch(sc.Text(), -1) {
				for _, w := range oneWantRE.FindAllStringSubmatch(m[1], -1) {
					e, err := newExpectation(p, line, w[1], w[2])
					if err != nil {
						return nil, err
					}
					out = append(out, e)
				}
			}
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "EXPECT")); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			file, rest, _ := strings.Cut(l, ":")
			line := 0
			if m := expectLineRE.FindStringSubmatch(rest); m != nil {
				line, _ = strconv.Atoi(m[1])
				rest = rest[len(m[0]):]
			}
			w := oneWantRE.FindStringSubmatch(rest)
			if w == nil {
				return nil, fmt.Errorf("EXPECT: cannot read %q", l)
			}
			e, err := newExpectation(strings.TrimSpace(file), line, w[1], w[2])
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	return out, nil
}

func isText(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".pq", ".pqm", ".m", ".resx":
		return true
	}
	return false
}

func newExpectation(file string, line int, rule, quoted string) (*Expectation, error) {
	s, err := strconv.Unquote(quoted)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: bad want string %s: %w", file, line, quoted, err)
	}
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: bad want regexp: %w", file, line, err)
	}
	return &Expectation{File: file, Line: line, Rule: rule, RE: re}, nil
}

// Check reports, as test errors, every finding that no expectation
// matches and every expectation that no finding meets.
func Check(t testing.TB, diags []checks.Diagnostic, wants []*Expectation) {
	t.Helper()
	for _, d := range diags {
		found := false
		for _, w := range wants {
			if !w.met && w.File == d.File && w.Line == d.Line && (w.Rule == "" || w.Rule == d.Rule) && w.RE.MatchString(d.Message) {
				w.met, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("unexpected finding: %s", d)
		}
	}
	for _, w := range wants {
		if !w.met {
			t.Errorf("expected finding not reported: %s", w)
		}
	}
}

// RunCase loads dir, runs rules on it and checks the expectations.
func RunCase(t *testing.T, dir string, rules []*checks.Rule, cfg *checks.Config) {
	t.Helper()
	target, files, err := LoadCase(dir)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := Expectations(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	diags, err := checks.Run(rules, []checks.Target{target}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	Check(t, diags, wants)
}
