package hooks

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// benchConnectors is how many connectors the benchmark repository holds.
const benchConnectors = 200

// BenchmarkCheckAll200 times `check-certification --all` over a git
// repository of 200 connectors on two cores, the way CI runs it.
//
//	go test -run '^$' -bench CheckAll200 -benchtime 5x ./hooks/
func BenchmarkCheckAll200(b *testing.B) {
	benchCheckAll(b, 2)
}

// BenchmarkCheckAll200Serial is the same run on one core, to show what
// checking connectors in parallel gains.
func BenchmarkCheckAll200Serial(b *testing.B) {
	benchCheckAll(b, 1)
}

func benchCheckAll(b *testing.B, procs int) {
	dir := benchRepo(b)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	unsetGitEnv(b)
	b.Chdir(dir)

	// Once, untimed: the run must see every connector, or the figures
	// below would measure less work than they claim.
	var out, errOut bytes.Buffer
	code := Main("check-certification", []string{"check-certification", "--all", "--format", "json"}, Streams{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut})
	if code != 1 || errOut.Len() > 0 {
		b.Fatalf("check-certification --all: exit %d, want 1 (the corpus has errors)\n%s", code, errOut.String())
	}
	var got struct {
		Diagnostics []struct {
			Connector string `json:"connector"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		b.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range got.Diagnostics {
		seen[d.Connector] = true
	}
	if want := benchConnectors - benchClean(b); len(seen) != want {
		b.Fatalf("findings in %d connectors, want %d", len(seen), want)
	}

	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		code := Main("check-certification", []string{"check-certification", "--all"}, Streams{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
		if code != 1 {
			b.Fatalf("exit %d, want 1", code)
		}
	}
	b.StopTimer()
	n := float64(benchConnectors * b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "connectors/s")
	b.ReportMetric(b.Elapsed().Seconds()*1000/n, "ms/connector")
}

// benchClean counts the benchmark connectors that are copies of a clean
// corpus connector.
func benchClean(b *testing.B) int {
	names := corpusConnectors(b)
	clean := 0
	for i := range benchConnectors {
		if len(corpusExpectations(b, names[i%len(names)])) == 0 {
			clean++
		}
	}
	return clean
}

var benchRepoOnce struct {
	sync.Once
	dir string
	err error
}

// benchRepo returns a git repository holding 200 connectors, copies of the
// corpus connectors renamed (ContosoTickets, ContosoTicketsB, ...), all
// committed. It is built once per corpus: the folder in the temporary
// directory is named after a hash of the corpus and reused by later runs.
func benchRepo(b *testing.B) string {
	b.Helper()
	testtool.Need(b, "git", "apt-get install git")
	benchRepoOnce.Do(func() {
		benchRepoOnce.dir, benchRepoOnce.err = buildBenchRepo(corpusConnectors(b))
	})
	if benchRepoOnce.err != nil {
		b.Fatal(benchRepoOnce.err)
	}
	return benchRepoOnce.dir
}

func buildBenchRepo(names []string) (string, error) {
	corpus := map[string]map[string][]byte{} // connector → path → content
	h := sha256.New()
	fmt.Fprintf(h, "v1 %d\n", benchConnectors)
	for _, name := range names {
		files := map[string][]byte{}
		root := filepath.Join(corpusDir(), name)
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			b, err := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = b
			fmt.Fprintf(h, "%s/%s %x\n", name, filepath.ToSlash(rel), sha256.Sum256(b))
			return err
		})
		if err != nil {
			return "", err
		}
		corpus[name] = files
	}
	dir := filepath.Join(os.TempDir(), "pqcert-bench200-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, ".git", "pqcert-bench-complete")); err == nil {
		return dir, nil
	}

	tmp, err := os.MkdirTemp(os.TempDir(), "pqcert-bench200-build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for i := range benchConnectors {
		src := names[i%len(names)]
		dst := src + benchSuffix(i/len(names))
		for rel, content := range corpus[src] {
			p := filepath.Join(tmp, dst, filepath.FromSlash(strings.ReplaceAll(rel, src, dst)))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return "", err
			}
			if err := os.WriteFile(p, bytes.ReplaceAll(content, []byte(src), []byte(dst)), 0o644); err != nil {
				return "", err
			}
		}
	}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "-A"},
		{"-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "200 connectors"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = tmp
		cmd.Env = append(gitFreeEnv(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ".git", "pqcert-bench-complete"), nil, 0o644); err != nil {
		return "", err
	}
	os.RemoveAll(dir) // an earlier build that did not finish
	if err := os.Rename(tmp, dir); err != nil {
		return "", err
	}
	return dir, nil
}

// gitFreeEnv is the environment without the variables a git hook sets, so
// that building the repository works from inside a hook too.
func gitFreeEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return env
}

// benchSuffix names the n-th copy of a connector: "", "B", "C", ..., "Z",
// "BA", ... — letters, so that the copy's names stay valid M identifiers
// and camel-case words.
func benchSuffix(n int) string {
	s := ""
	for n > 0 {
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}
