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

// TestExamples runs every rule's own examples: the bad one must give a
// finding of the rule, the good one none.
func TestExamples(t *testing.T) {
	for _, r := range checks.All() {
		t.Run(r.ID, func(t *testing.T) {
			for _, ex := range []struct {
				name string
				ex   checks.Example
				bad  bool
			}{{"bad", r.Bad, true}, {"good", r.Good, false}} {
				if len(ex.ex.Files) == 0 {
					continue
				}
				target := checks.Target{}
				var err error
				if target.After, err = checkstest.Connector(checkstest.StringFiles(ex.ex.Files)); err != nil {
					t.Fatal(err)
				}
				if ex.ex.Before != nil {
					if target.Before, err = checkstest.Connector(checkstest.StringFiles(ex.ex.Before)); err != nil {
						t.Fatal(err)
					}
				}
				diags, err := checks.Run([]*checks.Rule{r}, []checks.Target{target}, nil)
				if err != nil {
					t.Fatal(err)
				}
				if ex.bad && len(diags) == 0 {
					t.Errorf("bad example gives no finding")
				}
				if !ex.bad {
					for _, d := range diags {
						t.Errorf("good example gives a finding: %s", d)
					}
				}
			}
		})
	}
}

// TestRuleTestdata runs each rule over its cases in testdata/<ID>/<case>/
// and compares the findings with the want comments in the inputs.
func TestRuleTestdata(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "PQ0*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		rule := checks.ByID(id)
		if rule == nil {
			t.Errorf("%s: no such rule", dir)
			continue
		}
		cases, _ := os.ReadDir(dir)
		for _, c := range cases {
			if !c.IsDir() {
				continue
			}
			t.Run(id+"/"+c.Name(), func(t *testing.T) {
				caseDir := filepath.Join(dir, c.Name())
				checkstest.RunCase(t, caseDir, append([]*checks.Rule{rule}, caseRules(t, caseDir)...), caseConfig(caseDir))
			})
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
// `released`, `placeholder 0.0.0`.
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
		}
	}
	return cfg
}
