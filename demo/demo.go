// Package demo shows pqcert's main job on a built-in example: in a
// temporary repository it scaffolds a connector, commits it through the
// hooks, then makes three commits that partners make by mistake and shows
// each blocked with its finding, then fixed and committed.
package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
)

// Options say where the pqcert commands are and where to write.
type Options struct {
	BinDir  string // folder holding scaffold-connector and the check commands
	Scripts fs.FS  // the plain git hooks: git/pre-commit, git/pqcert-hook-lib.sh
	Out     io.Writer
	Keep    bool // keep the temporary repository (its path is printed)
}

// ErrMisbehaved is returned when a step did not behave as it should.
var ErrMisbehaved = errors.New("the demo did not behave as expected")

type demo struct {
	Options
	ctx                  context.Context // cancelled by Ctrl-C: the commands stop, the folder is removed
	repo, conn, pq, resx string
	env                  []string
	steps, good          int
}

const name = "Contoso"

// Run runs the demo. It returns ErrMisbehaved when a commit that should
// pass was blocked or one that should be blocked passed.
func Run(o Options) (err error) {
	if _, err := exec.LookPath("git"); err != nil {
		return errors.New("the demo needs git on PATH")
	}
	for _, c := range []string{"scaffold-connector", "check-version-bump", "check-no-tracing", "check-resx-strings", "check-beta-flag"} {
		if _, err := os.Stat(filepath.Join(o.BinDir, c)); err != nil {
			return fmt.Errorf("%s is not in %s: build the commands first (make build)", c, o.BinDir)
		}
	}
	tmp, err := os.MkdirTemp("", "pqcert-demo-")
	if err != nil {
		return err
	}
	if o.Keep {
		defer fmt.Fprintf(o.Out, "\n(kept %s)\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	// Ctrl-C stops the running command and returns here, so the deferred
	// removal runs: nothing is left behind.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	d := &demo{Options: o, ctx: ctx, repo: tmp}
	d.conn = filepath.Join(tmp, name)
	d.pq = filepath.Join(d.conn, name+".pq")
	d.resx = filepath.Join(d.conn, "resources.resx")
	d.env = append(cleanEnv(), "HOME="+tmp, "GIT_CONFIG_NOSYSTEM=1", "PQCERT_BIN="+o.BinDir, "NO_COLOR=1",
		"GIT_AUTHOR_NAME=Demo", "GIT_AUTHOR_EMAIL=demo@example.com", "GIT_COMMITTER_NAME=Demo", "GIT_COMMITTER_EMAIL=demo@example.com")

	where := "that is removed at the end"
	if o.Keep {
		where = tmp
	}
	fmt.Fprintf(o.Out, "pqcert demo: a connector's first commits, through the pqcert hooks\n(in a temporary repository %s)\n\n", where)
	if err := d.setup(); err != nil {
		return d.interrupted(err)
	}
	if err := d.scenarios(); err != nil {
		return d.interrupted(err)
	}
	if err := ctx.Err(); err != nil {
		return d.interrupted(err)
	}
	fmt.Fprintf(o.Out, "\n%d of %d steps behaved as they should.\n", d.good, d.steps)
	if d.good != d.steps {
		return ErrMisbehaved
	}
	fmt.Fprintln(o.Out, "Every mistake was blocked with its finding before it reached the repository.")
	return nil
}

// setup makes the repository, installs the hooks and scaffolds the connector.
func (d *demo) setup() error {
	if _, err := d.run("git", "init", "-q", "-b", "main"); err != nil {
		return err
	}
	if err := d.installHooks(); err != nil {
		return err
	}
	if out, err := d.run(filepath.Join(d.BinDir, "scaffold-connector"), "--url", "https://api.contoso.example", name); err != nil {
		return fmt.Errorf("scaffold-connector: %v\n%s", err, out)
	}
	d.step("scaffold-connector "+name+", then the first commit", true, d.commit("add "+name))
	return nil
}

// installHooks copies the plain git pre-commit hook into the repository.
func (d *demo) installHooks() error {
	hooksDir := filepath.Join(d.repo, ".git", "hooks")
	for _, f := range []string{"pre-commit", "pqcert-hook-lib.sh"} {
		b, err := fs.ReadFile(d.Scripts, "git/"+f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(hooksDir, f), b, 0o755); err != nil {
			return err
		}
	}
	return nil
}

func (d *demo) scenarios() error {
	// 1. Tracing switched back on while debugging.
	if err := d.edit(d.pq, "EnableTraceOutput = false", "EnableTraceOutput = true"); err != nil {
		return err
	}
	if err := d.bump(); err != nil {
		return err
	}
	d.step("tracing switched back on (EnableTraceOutput = true)", false, d.commit("debugging"))
	if err := d.edit(d.pq, "EnableTraceOutput = true", "EnableTraceOutput = false"); err != nil {
		return err
	}
	d.step("  switched off again", true, d.commit("debugging, tracing off"))

	// 2. A change without a version bump.
	if err := d.edit(d.pq, "section "+name+";", "section "+name+";\n\n// Retry transient failures a little longer."); err != nil {
		return err
	}
	d.step("a change without raising [Version]", false, d.commit("tweak"))
	if out, err := d.run(filepath.Join(d.BinDir, "check-version-bump"), "--fix"); err == nil {
		return fmt.Errorf("check-version-bump --fix found nothing to fix:\n%s", out)
	} else if !strings.Contains(out, "raised version") {
		return fmt.Errorf("check-version-bump --fix: %v\n%s", err, out)
	}
	d.step("  check-version-bump --fix, git add", true, d.commit("tweak"))

	// 3. A string key that resources.resx lacks.
	src, err := os.ReadFile(d.pq)
	if err != nil {
		return err
	}
	m := regexp.MustCompile(`Extension\.LoadString\("([A-Za-z0-9_.]+)"\)`).FindSubmatch(src)
	if m == nil {
		return fmt.Errorf("%s has no Extension.LoadString call to change", d.pq)
	}
	oldKey, newKey := string(m[1]), string(m[1])+"Tooltip"
	if err := d.edit(d.pq, `Extension.LoadString("`+oldKey+`")`, `Extension.LoadString("`+newKey+`")`); err != nil {
		return err
	}
	if err := d.bump(); err != nil {
		return err
	}
	d.step(fmt.Sprintf("LoadString(%q): not in resources.resx", newKey), false, d.commit("new label"))
	if err := d.edit(d.resx, `<data name="`+oldKey+`"`, `<data name="`+newKey+`"`); err != nil {
		return err
	}
	d.step("  key renamed in resources.resx too", true, d.commit("new label"))
	return nil
}

// commit stages everything and commits; it returns the hooks' output and
// whether the commit went through.
func (d *demo) commit(msg string) result {
	if _, err := d.run("git", "add", "-A"); err != nil {
		return result{out: err.Error()}
	}
	out, err := d.run("git", "commit", "-q", "-m", msg)
	return result{passed: err == nil, out: out}
}

type result struct {
	passed bool
	out    string
}

// step prints one line of the story, and the findings of a blocked commit.
func (d *demo) step(what string, wantPass bool, r result) {
	d.steps++
	verdict := "blocked"
	if r.passed {
		verdict = "committed"
	}
	mark := "ok"
	if r.passed == wantPass {
		d.good++
	} else {
		mark = "UNEXPECTED"
	}
	fmt.Fprintf(d.Out, "%-60s %-9s  %s\n", what, verdict, mark)
	if !r.passed || r.passed != wantPass {
		for _, line := range findings(r.out) {
			fmt.Fprintf(d.Out, "    %s\n", line)
		}
	}
}

// findings picks the finding lines out of the hooks' output.
func findings(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "[PQ0") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	if len(lines) == 0 && strings.TrimSpace(out) != "" {
		lines = strings.Split(strings.TrimSpace(out), "\n")
	}
	return lines
}

// bump raises the patch number of the connector's version by hand, as a
// partner would.
func (d *demo) bump() error {
	src, err := os.ReadFile(d.pq)
	if err != nil {
		return err
	}
	re := regexp.MustCompile(`Version = "(\d+)\.(\d+)\.(\d+)"`)
	m := re.FindSubmatch(src)
	if m == nil {
		return fmt.Errorf("%s has no [Version] to raise", d.pq)
	}
	patch, err := strconv.Atoi(string(m[3]))
	if err != nil {
		return fmt.Errorf("%s: version %s: %v", d.pq, m[0], err)
	}
	next := fmt.Sprintf(`Version = "%s.%s.%d"`, m[1], m[2], patch+1)
	return os.WriteFile(d.pq, bytes.Replace(src, m[0], []byte(next), 1), 0o644)
}

func (d *demo) edit(file, old, new string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte(old)) {
		return fmt.Errorf("%s does not contain %q", file, old)
	}
	return os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644)
}

// interrupted turns any error after Ctrl-C into one plain message.
func (d *demo) interrupted(err error) error {
	if d.ctx.Err() != nil {
		return errors.New("interrupted; the temporary repository was removed")
	}
	return err
}

func (d *demo) run(name string, args ...string) (string, error) {
	cmd := exec.CommandContext(d.ctx, name, args...)
	cmd.Dir, cmd.Env = d.repo, d.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// cleanEnv drops the caller's git and pre-commit variables, which would
// point the demo's git at the caller's repository.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "PRE_COMMIT") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
