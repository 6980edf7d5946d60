package snapshot

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// gitCLI runs git plumbing for what go-git and pqcert's own index reader
// cannot read (SHA-256 objects, split and sparse indexes, unknown
// extensions). It passes the resolved git dir, work tree and index
// explicitly, so the answer is about the same index as the fast path.
type gitCLI struct {
	bin, gitDir, root, indexPath string
}

// lookGit finds the git binary; a variable so tests can pretend it is
// missing.
var lookGit = func() (string, error) { return exec.LookPath("git") }

func (g *gitCLI) run(args ...string) ([]byte, error) {
	full := append([]string{"--git-dir=" + g.gitDir, "--work-tree=" + g.root, "--literal-pathspecs"}, args...)
	cmd := exec.Command(g.bin, full...)
	cmd.Env = append(os.Environ(), "GIT_INDEX_FILE="+g.indexPath, "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		// %w keeps the *exec.ExitError, so callers can tell "names nothing"
		// (exit 1) from a failure by its exit code rather than its text.
		return nil, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// fields0 splits NUL-terminated output.
func fields0(b []byte) []string {
	s := strings.Split(string(b), "\x00")
	if len(s) > 0 && s[len(s)-1] == "" {
		s = s[:len(s)-1]
	}
	return s
}

// indexEntries lists the index with `ls-files -s`, leaving out
// intent-to-add entries (which `diff-files` reports as added: nothing else
// is "added" relative to the index).
func (g *gitCLI) indexEntries() ([]stagedEntry, error) {
	out, err := g.run("ls-files", "-s", "-z")
	if err != nil {
		return nil, err
	}
	skip, err := g.intentToAdd()
	if err != nil {
		return nil, err
	}
	var es []stagedEntry
	for _, line := range fields0(out) {
		// "mode oid stage\tpath"
		mode, f, path, err := splitListing("ls-files", line)
		if err != nil {
			return nil, err
		}
		stage, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("git ls-files: unexpected line %q", line)
		}
		es = append(es, stagedEntry{
			Entry: Entry{Path: path, Mode: mode, Hash: f[1], Size: -1},
			stage: uint8(stage), intentToAdd: skip[path],
		})
	}
	return es, nil
}

// intentToAdd lists the index's intent-to-add paths (`git add -N`): the
// only paths `diff-files` reports as added. Plumbing shows them as staged
// empty files; porcelain and pqcert treat them as not staged.
func (g *gitCLI) intentToAdd() (map[string]bool, error) {
	out, err := g.run("diff-files", "-z", "--name-only", "--diff-filter=A")
	if err != nil {
		return nil, err
	}
	ita := map[string]bool{}
	for _, p := range fields0(out) {
		ita[p] = true
	}
	return ita, nil
}

// treeEntries lists a commit's files with `ls-tree -r`.
func (g *gitCLI) treeEntries(commit string) ([]Entry, error) {
	out, err := g.run("ls-tree", "-r", "-z", "--full-tree", commit)
	if err != nil {
		return nil, err
	}
	var es []Entry
	for _, line := range fields0(out) {
		// "mode type oid\tpath"
		mode, f, path, err := splitListing("ls-tree", line)
		if err != nil {
			return nil, err
		}
		es = append(es, Entry{Path: path, Mode: mode, Hash: f[2], Size: -1})
	}
	return es, nil
}

// splitListing splits a "mode x y\tpath" line of ls-files or ls-tree.
func splitListing(cmd, line string) (mode uint32, fields []string, path string, err error) {
	meta, path, ok := strings.Cut(line, "\t")
	fields = strings.Fields(meta)
	if !ok || len(fields) != 3 {
		return 0, nil, "", fmt.Errorf("git %s: unexpected line %q", cmd, line)
	}
	m, err := strconv.ParseUint(fields[0], 8, 32)
	if err != nil {
		return 0, nil, "", fmt.Errorf("git %s: unexpected line %q", cmd, line)
	}
	return uint32(m), fields, path, nil
}

// resolve turns a revision expression into a commit id; ok is false when
// it names nothing (an unborn HEAD). `rev-parse --verify --quiet` exits 1
// for that and 128 for a failure (not a repository, a bad config), which
// must not pass for "nothing".
func (g *gitCLI) resolve(rev string) (id string, ok bool, err error) {
	out, err := g.run("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if exitCode(err) == 1 {
			return "", false, nil
		}
		return "", false, err
	}
	return strings.TrimSpace(string(out)), true, nil
}

// exitCode is the exit status of a git process that ran and failed, -1 for
// any other error.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// resolveHead is resolve("HEAD"), telling an unborn branch (ok false) from
// a HEAD that names an object the repository does not hold as a commit,
// which rev-parse also answers with exit 1: taken for unborn, it would
// make every file look added.
func (g *gitCLI) resolveHead() (id string, ok bool, err error) {
	id, ok, err = g.resolve("HEAD")
	if ok || err != nil {
		return id, ok, err
	}
	out, err := g.run("rev-parse", "--verify", "--quiet", "HEAD")
	if exitCode(err) == 1 {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return "", false, fmt.Errorf("HEAD: %w", missingCommit(strings.TrimSpace(string(out))))
}

func (g *gitCLI) readBlob(id string) ([]byte, error) {
	return g.run("cat-file", "blob", id)
}

// staged is `git diff-index --cached --raw HEAD` (or the whole index when
// HEAD is unborn), with pqcert's exact-rename pairing so its answer matches
// the fast path letter for letter.
func (g *gitCLI) staged() ([]Change, error) {
	head, ok, err := g.resolveHead()
	if err != nil {
		return nil, err
	}
	if !ok {
		es, err := g.indexEntries()
		if err != nil {
			return nil, err
		}
		return allAdded(mergeStages(es)), nil
	}
	out, err := g.run("diff-index", "--cached", "--raw", "-z", "--no-renames", head)
	if err != nil {
		return nil, err
	}
	ita, err := g.intentToAdd()
	if err != nil {
		return nil, err
	}
	f := fields0(out)
	oids := map[string][2]string{}
	var cs []Change
	seen := map[string]bool{}
	for i := 0; i+1 < len(f); i += 2 {
		meta := strings.Fields(strings.TrimPrefix(f[i], ":"))
		if len(meta) != 5 {
			return nil, fmt.Errorf("git diff-index: unexpected line %q", f[i])
		}
		path := f[i+1]
		if seen[path] || ita[path] {
			continue
		}
		seen[path] = true
		oids[path] = [2]string{meta[2], meta[3]}
		cs = append(cs, Change{Status: meta[4][:1], Path: path})
	}
	return pairRenames(cs, func(c Change, old bool) (string, error) {
		if old {
			return oids[c.Path][0], nil
		}
		return oids[c.Path][1], nil
	})
}
