package checks_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/checks"
	"github.com/pqcert/pqcert/checks/checkstest"
)

// TestRegistry keeps the catalogue sound: IDs unique, well-formed and in
// order, every rule documented with examples and a Run function.
func TestRegistry(t *testing.T) {
	idRE := regexp.MustCompile(`^PQ0[0-9]{2}$`)
	nameRE := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	prev := ""
	for _, r := range checks.All() {
		switch {
		case !idRE.MatchString(r.ID):
			t.Errorf("%s: ID does not match PQ0NN", r.ID)
		case seen[r.ID] || seen[r.Name]:
			t.Errorf("%s: duplicate ID or name %q", r.ID, r.Name)
		case r.ID <= prev:
			t.Errorf("%s: out of order after %s", r.ID, prev)
		case !nameRE.MatchString(r.Name):
			t.Errorf("%s: name %q is not kebab-case", r.ID, r.Name)
		case r.Severity != checks.Error && r.Severity != checks.Warning:
			t.Errorf("%s: no severity", r.ID)
		case r.Title == "" || strings.HasSuffix(r.Title, "."):
			t.Errorf("%s: title must be one line without a period", r.ID)
		case len(r.Doc) < 80 || r.Doc == "TODO":
			t.Errorf("%s: doc is missing or too short", r.ID)
		case r.Run == nil:
			t.Errorf("%s: no Run", r.ID)
		case len(r.Bad.Files) == 0 || len(r.Good.Files) == 0:
			t.Errorf("%s: needs a good and a bad example", r.ID)
		}
		seen[r.ID], seen[r.Name], prev = true, true, r.ID
	}
}

// skeletonRules are the rules that ask for a connector's skeleton: a kind
// record, TestConnection, documentation metadata, a Publish record. The
// examples stay a screenful by leaving out the parts of the skeleton their
// rule is not about, so a good example may have findings of these rules
// (never of its own rule).
var skeletonRules = map[string]bool{"PQ010": true, "PQ011": true, "PQ015": true, "PQ016": true}

// TestExamples runs every rule's own examples, since `pqcert explain`
// shows the good one as the fix: the bad one must give a finding of the
// rule, and the good one no error from any rule (all rules run on it, with
// its Before when it has one), so that following the fix for one rule never
// breaks another. Only the omitted skeleton (skeletonRules) is let through,
// and warnings of other rules, as a real connector may have them.
func TestExamples(t *testing.T) {
	for _, r := range checks.All() {
		t.Run(r.ID, func(t *testing.T) {
			for _, d := range runExample(t, checks.All(), r.Good) {
				switch {
				case d.Rule == r.ID:
					t.Errorf("good example gives a finding of its own rule: %s", d)
				case d.Severity == checks.Error && !skeletonRules[d.Rule]:
					t.Errorf("good example gives an error of another rule: %s", d)
				}
			}
			mine := 0
			for _, d := range runExample(t, []*checks.Rule{r}, r.Bad) {
				if d.Rule == r.ID {
					mine++
				}
			}
			if mine == 0 {
				t.Errorf("bad example gives no finding of %s", r.ID)
			}
		})
	}
}

// runExample runs rules over an example, with its Before when it has one.
func runExample(t *testing.T, rules []*checks.Rule, ex checks.Example) []checks.Diagnostic {
	t.Helper()
	if len(ex.Files) == 0 {
		return nil
	}
	target := checks.Target{}
	var err error
	if target.After, err = checkstest.Connector(checkstest.StringFiles(ex.Files)); err != nil {
		t.Fatal(err)
	}
	if ex.Before != nil {
		if target.Before, err = checkstest.Connector(checkstest.StringFiles(ex.Before)); err != nil {
			t.Fatal(err)
		}
	}
	diags, err := checks.Run(rules, []checks.Target{target}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return diags
}

// TestRuleTestdata runs each rule over its cases in testdata/<ID>/<case>/
// and compares the findings with the want comments in the inputs. Every
// registered rule has a folder there with at least one bad_* case (it
// finds something) and one good_* case (it keeps quiet); cases with other
// names (suppressed_*, ...) may come on top.
func TestRuleTestdata(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "PQ0*"))
	if err != nil {
		t.Fatal(err)
	}
	tested := map[string]bool{}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		rule := checks.ByID(id)
		if rule == nil {
			t.Errorf("%s: no such rule", dir)
			continue
		}
		tested[id] = true
		cases, err := os.ReadDir(dir)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		var bad, good int
		for _, c := range cases {
			if !c.IsDir() {
				continue
			}
			switch {
			case strings.HasPrefix(c.Name(), "bad_"):
				bad++
			case strings.HasPrefix(c.Name(), "good_"):
				good++
			}
			t.Run(id+"/"+c.Name(), func(t *testing.T) {
				caseDir := filepath.Join(dir, c.Name())
				checkstest.RunCase(t, caseDir, append([]*checks.Rule{rule}, caseRules(t, caseDir)...), caseConfig(caseDir))
			})
		}
		if bad == 0 || good == 0 {
			t.Errorf("%s: %d bad_* and %d good_* cases; want at least one of each", dir, bad, good)
		}
	}
	for _, r := range checks.All() {
		if !tested[r.ID] {
			t.Errorf("%s: no testdata/%s/ with bad_* and good_* cases", r.ID, r.ID)
		}
	}
}

// caseRules returns the rules a case runs besides its own, from a line
// `with PQ040 PQ043` in its CONFIG file (for PQ009, which judges the
// suppressions of other rules).
func caseRules(t *testing.T, dir string) []*checks.Rule {
	b, _ := os.ReadFile(filepath.Join(dir, "CONFIG"))
	var out []*checks.Rule
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || f[0] != "with" {
			continue
		}
		for _, id := range f[1:] {
			r := checks.ByID(id)
			if r == nil {
				t.Fatalf("CONFIG: no rule %s", id)
			}
			out = append(out, r)
		}
	}
	return out
}

// caseConfig reads optional settings for a case from a file named CONFIG:
// `released`, `placeholder 0.0.0`, `released-connector Contoso` (as git
// config pqcert.released), `before origin/main` (what messages compare with).
func caseConfig(dir string) *checks.Config {
	cfg := checks.DefaultConfig()
	b, err := os.ReadFile(filepath.Join(dir, "CONFIG"))
	if err != nil {
		return cfg
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		switch {
		case len(f) == 1 && f[0] == "released":
			cfg.Released = true
		case len(f) == 2 && f[0] == "placeholder":
			cfg.VersionPlaceholder = f[1]
		case len(f) == 2 && f[0] == "released-connector":
			cfg.ReleasedConnectors = append(cfg.ReleasedConnectors, f[1])
		case len(f) == 2 && f[0] == "before":
			cfg.Before = f[1]
		}
	}
	return cfg
}
