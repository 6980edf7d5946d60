package checks

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
)

// Target is one connector to check: as it will be committed (After) and,
// for rules that compare, as it was (Before, nil for a new connector).
type Target struct {
	After  *Connector
	Before *Connector
}

// Run runs rules over every target, in parallel across connectors, applies
// the suppression comments and returns the findings sorted by file and
// position. A rule that fails unexpectedly on one connector becomes an
// error naming the rule and the connector; the other findings are kept, and
// the error joins every such failure (errors.Join).
func Run(rules []*Rule, targets []Target, cfg *Config) ([]Diagnostic, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	results := make([][]Diagnostic, len(targets))
	errs := make([]error, len(targets))
	work := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(targets))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i], errs[i] = runOne(rules, targets[i], cfg)
			}
		}()
	}
	for i := range targets {
		work <- i
	}
	close(work)
	wg.Wait()

	var all []Diagnostic
	for _, r := range results {
		all = append(all, r...)
	}
	Sort(all)
	return all, errors.Join(errs...)
}

func runOne(rules []*Rule, t Target, cfg *Config) ([]Diagnostic, error) {
	ran := make(map[string]bool, len(rules))
	var diags []Diagnostic
	var errs []error
	for _, r := range rules {
		ran[r.ID] = true
		d, err := runRule(r, t, cfg)
		errs = append(errs, err)
		diags = append(diags, d...)
	}
	return dropSuperseded(rules, applySuppressions(t.After, diags, ran)), errors.Join(errs...)
}

// dropSuperseded drops each finding that a finding of a rule superseding
// its rule (Rule.Supersedes) reports at the same place.
func dropSuperseded(rules []*Rule, diags []Diagnostic) []Diagnostic {
	type place struct {
		rule, file   string
		line, column int
	}
	var drop map[place]bool
	for _, r := range rules {
		if len(r.Supersedes) == 0 {
			continue
		}
		for _, d := range diags {
			if d.Rule != r.ID {
				continue
			}
			for _, id := range r.Supersedes {
				if drop == nil {
					drop = map[place]bool{}
				}
				drop[place{id, d.File, d.Line, d.Column}] = true
			}
		}
	}
	if drop == nil {
		return diags
	}
	out := diags[:0]
	for _, d := range diags {
		if !drop[place{d.Rule, d.File, d.Line, d.Column}] {
			out = append(out, d)
		}
	}
	return out
}

// runRule runs one rule and turns a rule's crash into an error, so that a
// bug in one rule never takes down the whole run.
func runRule(r *Rule, t Target, cfg *Config) (diags []Diagnostic, err error) {
	p := &Pass{Rule: r, Conn: t.After, Before: t.Before, Config: cfg}
	defer func() {
		if v := recover(); v != nil {
			cause, ok := v.(error) // a runtime error, or an error value: keep it for errors.Is/As
			if !ok {
				cause = fmt.Errorf("%v", v)
			}
			err = fmt.Errorf("internal error: rule %s (%s) failed on connector %s: %w", r.ID, r.Name, t.After.Dir, cause)
		}
	}()
	r.Run(p)
	return p.diags, nil
}

// Sort orders diagnostics by file, line, column and rule.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// HasErrors reports whether any diagnostic fails a run: an error, or with
// strict any warning too.
func HasErrors(ds []Diagnostic, strict bool) bool {
	for _, d := range ds {
		if d.Severity == Error || strict {
			return true
		}
	}
	return false
}
