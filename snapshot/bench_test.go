package snapshot

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pqcert/pqcert/internal/testtool"
)

// BenchmarkStaged times a hook's question — what is staged? — from process
// start to the list, for pqcert (snapshot/internal/stagedbench) and for
// `git diff --cached --name-status`, in the same run on the same generated
// repository: N committed files, 50 per folder two levels deep, 10 staged
// modifications. Reported: ms per run of each, their ratio, and peak RSS of
// each process (the target is ratio <= 2 and pqcert's RSS <= git's).
func BenchmarkStaged(b *testing.B) {
	testtool.Need(b, "git", "apt-get install git")
	bin := filepath.Join(b.TempDir(), "stagedbench")
	if out, err := exec.Command("go", "build", "-o", bin, "./internal/stagedbench").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range []int{50000, 200000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := benchRepo(b, n)
			ours, oursOut := runTimed(b, dir, bin)
			_, gitOut := runTimed(b, dir, "git", "diff", "--cached", "--name-status", "--no-renames")
			if sortLines(oursOut) != sortLines(gitOut) {
				b.Fatalf("answers differ:\npqcert:\n%s\ngit:\n%s", oursOut, gitOut)
			}
			_ = ours
			var oursT, gitT time.Duration
			var oursRSS, gitRSS int64
			b.ResetTimer()
			for b.Loop() {
				r, _ := runTimed(b, dir, bin)
				oursT += r.wall
				oursRSS = max(oursRSS, r.rssKB)
				g, _ := runTimed(b, dir, "git", "diff", "--cached", "--name-status", "--no-renames")
				gitT += g.wall
				gitRSS = max(gitRSS, g.rssKB)
			}
			b.StopTimer()
			per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
			b.ReportMetric(per(oursT), "pqcert-ms")
			b.ReportMetric(per(gitT), "git-ms")
			b.ReportMetric(per(oursT)/per(gitT), "ratio")
			b.ReportMetric(float64(oursRSS)/1024, "pqcert-peak-MB")
			b.ReportMetric(float64(gitRSS)/1024, "git-peak-MB")
		})
	}
}

// BenchmarkHook times the whole pre-commit hook, process start to exit:
// the built check-version-bump in the same generated repositories as
// BenchmarkStaged (N committed files, 10 staged changes, each in a folder
// of 50 section documents, so the hook finds nothing to check and notes
// the folders), side by side with `git diff --cached --name-status`.
// Reported: ms per run of each, their ratio, peak RSS of each, and the
// hook's own floor — the same binary in a one-file repository — which no
// change to how pqcert reads a repository can go below.
//
//	go test ./snapshot -run '^$' -bench BenchmarkHook -benchtime 20x
//
// PQCERT_HOOK_BIN names a prebuilt binary to time instead (an older
// build, for a before/after comparison).
func BenchmarkHook(b *testing.B) {
	testtool.Need(b, "git", "apt-get install git")
	bin := os.Getenv("PQCERT_HOOK_BIN")
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "check-version-bump")
		if out, err := exec.Command("go", "build", "-o", bin, "github.com/pqcert/pqcert/cmd/check-version-bump").CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
	}
	floor := floorRepo(b)
	for _, n := range []int{50000, 200000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := benchRepo(b, n)
			cmd := exec.Command(bin)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "and 5 more such folders") {
				b.Fatalf("check-version-bump: %v\n%s", err, out)
			}
			var oursT, gitT, floorT time.Duration
			var oursRSS, gitRSS, floorRSS int64
			b.ResetTimer()
			for b.Loop() {
				r, _ := runTimed(b, dir, bin)
				oursT += r.wall
				oursRSS = max(oursRSS, r.rssKB)
				g, _ := runTimed(b, dir, "git", "diff", "--cached", "--name-status")
				gitT += g.wall
				gitRSS = max(gitRSS, g.rssKB)
				f, _ := runTimed(b, floor, bin)
				floorT += f.wall
				floorRSS = max(floorRSS, f.rssKB)
			}
			b.StopTimer()
			per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
			b.ReportMetric(per(oursT), "hook-ms")
			b.ReportMetric(per(gitT), "git-ms")
			b.ReportMetric(per(oursT)/per(gitT), "ratio")
			b.ReportMetric(float64(oursRSS)/1024, "hook-peak-MB")
			b.ReportMetric(float64(gitRSS)/1024, "git-peak-MB")
			b.ReportMetric(per(floorT), "hook-floor-ms")
			b.ReportMetric(float64(floorRSS)/1024, "hook-floor-peak-MB")
		})
	}
}

// floorRepo is a repository with one committed and one staged file that
// touch no connector.
func floorRepo(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	for _, args := range [][]string{
		{"init", "-q"},
		{"-c", "user.name=B", "-c", "user.email=b@example.com", "commit", "-q", "--allow-empty", "-m", "x"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("x\n"), 0o644)
	cmd := exec.Command("git", "add", "README.md")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("git add: %v\n%s", err, out)
	}
	return dir
}

type timed struct {
	wall  time.Duration
	rssKB int64
}

func runTimed(b *testing.B, dir, name string, args ...string) (timed, string) {
	b.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if err != nil {
		b.Fatalf("%s: %v", name, err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return timed{wall: wall, rssKB: ru.Maxrss}, string(out)
}

func sortLines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return strings.Join(l, "\n")
}

// benchRepo returns a generated repository with n committed files and 10
// staged changes, cached under the temp dir so repeated runs skip the
// generation (about 10 s for 200,000 files).
func benchRepo(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("pqcert-bench-%d-v1", n))
	if _, err := os.Stat(filepath.Join(dir, ".ready")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	git := func(stdin string, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		if stdin != "" {
			cmd.Stdin = strings.NewReader(stdin)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	git("", "init", "-q", "-b", "main")
	git(genHistory(n, false), "fast-import", "--quiet")
	git("", "read-tree", "HEAD") // an index with a full cache-tree, as after a checkout
	for k := range 10 {
		p := benchPath(k * n / 10)
		content := fmt.Sprintf("section changed%d;\n", k)
		f := filepath.Join(dir, "tmp-blob")
		os.WriteFile(f, []byte(content), 0o644)
		cmd := exec.Command("git", "hash-object", "-w", f)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			b.Fatal(err)
		}
		git("", "update-index", "--cacheinfo", "100644,"+strings.TrimSpace(string(out))+","+p)
	}
	os.Remove(filepath.Join(dir, "tmp-blob"))
	os.WriteFile(filepath.Join(dir, ".git", "info", "exclude"), []byte("/.ready\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".ready"), nil, 0o644)
	return dir
}

// benchPath is the i-th generated file: 50 per folder, two levels deep.
func benchPath(i int) string {
	leaf := i / 50
	return fmt.Sprintf("d%03d/e%03d/f%05d.pq", leaf/64, leaf%64, i)
}

// genHistory is a fast-import stream (one pack with every blob, tree and
// commit) of a commit with n files and, with second, a child commit
// modifying 10 of them spread over the tree.
func genHistory(n int, second bool) string {
	var sb strings.Builder
	w := bufio.NewWriter(&sb)
	fmt.Fprintf(w, "commit refs/heads/main\ncommitter B <b@example.com> 1577836800 +0000\ndata 4\ngen\n")
	for i := range n {
		content := fmt.Sprintf("section F%d;\n", i)
		fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", benchPath(i), len(content), content)
	}
	if second {
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter B <b@example.com> 1577836801 +0000\ndata 4\nten\n")
		for k := range 10 {
			content := fmt.Sprintf("section changed%d;\n", k)
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", benchPath(k*n/10), len(content), content)
		}
	}
	w.Flush()
	return sb.String()
}

// BenchmarkDiffRefs times Diff(HEAD~1, HEAD) — what --from-ref/--to-ref
// computes — in a generated repository of n files whose last commit
// modified 10 of them, in process: both commits opened and compared.
//
//	go test ./snapshot -run '^$' -bench BenchmarkDiffRefs -benchtime 10x
func BenchmarkDiffRefs(b *testing.B) {
	testtool.Need(b, "git", "apt-get install git")
	for _, n := range []int{50000, 200000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := filepath.Join(os.TempDir(), fmt.Sprintf("pqcert-bench-refs-%d-v1", n))
			if _, err := os.Stat(filepath.Join(dir, ".ready")); err != nil {
				os.RemoveAll(dir)
				os.MkdirAll(dir, 0o755)
				for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"fast-import", "--quiet"}} {
					cmd := exec.Command("git", args...)
					cmd.Dir = dir
					cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
					if args[0] == "fast-import" {
						cmd.Stdin = strings.NewReader(genHistory(n, true))
					}
					if out, err := cmd.CombinedOutput(); err != nil {
						b.Fatalf("git %v: %v\n%s", args, err, out)
					}
				}
				os.WriteFile(filepath.Join(dir, ".ready"), nil, 0o644)
			}
			r, err := OpenRepo(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer r.Close()
			b.ResetTimer()
			for b.Loop() {
				before, err := r.Commit("HEAD~1")
				if err != nil {
					b.Fatal(err)
				}
				after, err := r.Commit("HEAD")
				if err != nil {
					b.Fatal(err)
				}
				cs, err := Diff(before, after)
				if err != nil || len(cs) != 10 {
					b.Fatalf("Diff: %d changes, %v", len(cs), err)
				}
			}
		})
	}
}
