package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is the first commit of most cases.
var base = map[string]string{"a.pq": "a\n", "dir/b.pq": "b\n", "dir/c.pqm": "c\n", "keep.txt": "k\n"}

// state is one way a repository can look when a hook runs. setup builds it
// with the real git CLI and returns where the hook runs, the environment
// git would give it, and the matching environment for git itself.
type state struct {
	name  string
	setup func(s *sandbox, root string) (cwd string, e env, gitEnv []string)
	want  string
}

// plain is the setup result for a hook at the root with git's own index.
func plain(root string) (string, env, []string) { return root, env{}, nil }

var states = []state{
	{"subdirectory", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"dir/b.pq": "b2\n"})
		s.git(root, "add", "dir/b.pq")
		return filepath.Join(root, "dir"), env{}, nil
	}, "M\tdir/b.pq"},
	{"relative GIT_INDEX_FILE", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n"})
		s.git(root, "add", "a.pq")
		return root, env{"GIT_INDEX_FILE": ".git/index"}, nil
	}, "M\ta.pq"},
	{"no commits yet", func(s *sandbox, root string) (string, env, []string) {
		write(s.t, root, map[string]string{"a.pq": "a\n", "d/x.pqm": "x\n"})
		s.git(root, "add", ".")
		return plain(root)
	}, "A\ta.pq\nA\td/x.pqm"},
	{"detached HEAD", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		s.commitAll(root, map[string]string{"a.pq": "a2\n"})
		s.git(root, "checkout", "-q", "--detach", "HEAD~1")
		write(s.t, root, map[string]string{"keep.txt": "k2\n"})
		s.git(root, "add", "keep.txt")
		return plain(root)
	}, "M\tkeep.txt"},
	{"merge with conflict", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		s.git(root, "checkout", "-q", "-b", "feature")
		s.commitAll(root, map[string]string{"a.pq": "theirs\n", "dir/new.pq": "n\n"})
		s.git(root, "checkout", "-q", "main")
		s.commitAll(root, map[string]string{"a.pq": "ours\n"})
		s.gitErr(root, "merge", "feature") // fails: conflict
		return plain(root)
	}, "A\tdir/new.pq\nU\ta.pq"},
	{"merge without conflict", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		s.git(root, "checkout", "-q", "-b", "feature")
		s.commitAll(root, map[string]string{"other.pq": "o\n"})
		s.git(root, "checkout", "-q", "main")
		s.commitAll(root, map[string]string{"keep.txt": "k2\n"})
		s.git(root, "merge", "--no-commit", "--no-ff", "feature")
		return plain(root)
	}, "A\tother.pq"},
	{"add -p partial staging", func(s *sandbox, root string) (string, env, []string) {
		lines := make([]string, 12)
		for i := range lines {
			lines[i] = "l" + string(rune('a'+i))
		}
		s.commitAll(root, map[string]string{"p.pq": strings.Join(lines, "\n") + "\n"})
		lines[0], lines[11] = "STAGED", "UNSTAGED"
		write(s.t, root, map[string]string{"p.pq": strings.Join(lines, "\n") + "\n"})
		s.gitStdin(root, "y\nn\n", "add", "-p", "p.pq")
		return plain(root)
	}, "M\tp.pq"},
	{"commit -a", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n"})
		return s.hookCommit(root, root, "-a")
	}, "M\ta.pq"},
	{"commit <paths>", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n", "dir/b.pq": "b2\n"})
		s.git(root, "add", "a.pq")
		return s.hookCommit(root, root, "--", "dir/b.pq")
	}, "M\tdir/b.pq"},
	{"commit -i", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n", "dir/b.pq": "b2\n"})
		s.git(root, "add", "a.pq")
		return s.hookCommit(root, root, "-i", "--", "dir/b.pq")
	}, "M\ta.pq\nM\tdir/b.pq"},
	{"plain commit from a hook", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n", "dir/b.pq": "b2\n"})
		s.git(root, "add", "a.pq")
		return s.hookCommit(root, root)
	}, "M\ta.pq"},
	{"spaces, unicode, leading dash", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"with space.pq": "s\n", "ünï/cödé.pq": "u\n", "-dash.pq": "d\n", "tab\there.pq": "t\n"})
		s.git(root, "add", "--", ".")
		return plain(root)
	}, "A\t-dash.pq\nA\ttab\there.pq\nA\twith space.pq\nA\tünï/cödé.pq"},
	{"delete, rename, mode-only", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		s.git(root, "rm", "-q", "keep.txt")
		s.git(root, "mv", "dir/c.pqm", "dir/renamed.pqm")
		s.git(root, "update-index", "--chmod=+x", "a.pq")
		return plain(root)
	}, "D\tkeep.txt\nM\ta.pq\nR\tdir/c.pqm\tdir/renamed.pqm"},
	{"symlink", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		if err := os.Symlink("a.pq", filepath.Join(root, "link")); err != nil {
			s.t.Skip(err)
		}
		os.Remove(filepath.Join(root, "keep.txt"))
		os.Symlink("../outside", filepath.Join(root, "keep.txt"))
		s.git(root, "add", "-A")
		return plain(root)
	}, "A\tlink\nT\tkeep.txt"},
	{"submodule entry", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		lib := s.repo()
		s.commitAll(lib, map[string]string{"lib.pqm": "l\n"})
		s.git(root, "-c", "protocol.file.allow=always", "submodule", "-q", "add", lib, "sub")
		return plain(root)
	}, "A\t.gitmodules\nA\tsub"},
	{"file to folder and folder to file", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		s.git(root, "rm", "-q", "keep.txt")
		s.git(root, "rm", "-q", "-r", "dir")
		write(s.t, root, map[string]string{"keep.txt/inner.pq": "i\n", "dir": "now a file\n"})
		s.git(root, "add", "-A")
		return plain(root)
	}, "A\tdir\nA\tkeep.txt/inner.pq\nD\tdir/b.pq\nD\tdir/c.pqm\nD\tkeep.txt"},
	{"intent-to-add", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"new.pq": "n\n", "a.pq": "a2\n"})
		s.git(root, "add", "-N", "new.pq")
		s.git(root, "add", "a.pq")
		return plain(root)
	}, "M\ta.pq"},
	{"index version 4", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"dir/b.pq": "b2\n", "dir/sub/new.pq": "n\n"})
		s.git(root, "add", "-A")
		s.git(root, "update-index", "--index-version", "4")
		return plain(root)
	}, "A\tdir/sub/new.pq\nM\tdir/b.pq"},
	{"linked worktree, hook inside it", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		wt := filepath.Join(filepath.Dir(root), "wt")
		s.git(root, "worktree", "add", "-q", "-b", "side", wt)
		s.commitAll(wt, map[string]string{"side.pq": "s\n"})
		write(s.t, wt, map[string]string{"a.pq": "wt\n"})
		return s.hookCommit(root, wt, "-a")
	}, "M\ta.pq"},
	{"linked worktree, opened by folder", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		wt := filepath.Join(filepath.Dir(root), "wt")
		s.git(root, "worktree", "add", "-q", "-b", "side", wt)
		write(s.t, wt, map[string]string{"a.pq": "wt\n"})
		s.git(wt, "add", "a.pq")
		return wt, env{}, nil
	}, "M\ta.pq"},
	{".git file (separate git dir)", func(s *sandbox, root string) (string, env, []string) {
		os.RemoveAll(root)
		s.git(s.home, "init", "-q", "--separate-git-dir", filepath.Join(filepath.Dir(root), "store.git"), root)
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n"})
		s.git(root, "add", "a.pq")
		return plain(root)
	}, "M\ta.pq"},
	{"sparse-checkout (worktreeConfig)", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		s.git(root, "sparse-checkout", "set", "dir")
		write(s.t, root, map[string]string{"dir/b.pq": "b2\n"})
		s.git(root, "add", "dir/b.pq")
		return plain(root)
	}, "M\tdir/b.pq"},
	{"clone with alternates", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		clone := filepath.Join(filepath.Dir(root), "clone")
		s.git(root, "clone", "-q", "-s", root, clone)
		write(s.t, clone, map[string]string{"dir/b.pq": "b2\n"})
		s.git(clone, "add", "dir/b.pq")
		return clone, env{}, nil
	}, "M\tdir/b.pq"},
	{"CRLF normalised", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, map[string]string{".gitattributes": "*.pq text eol=crlf\n", "a.pq": "x\r\ny\r\n"})
		write(s.t, root, map[string]string{"a.pq": "x\r\ny\r\nz\r\n"})
		s.git(root, "add", "a.pq")
		return plain(root)
	}, "M\ta.pq"},
	{"zeroed index checksum", func(s *sandbox, root string) (string, env, []string) {
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n"})
		s.git(root, "add", "a.pq")
		p := filepath.Join(root, ".git", "index")
		b, _ := os.ReadFile(p)
		copy(b[len(b)-20:], make([]byte, 20))
		os.WriteFile(p, b, 0o644)
		return plain(root)
	}, "M\ta.pq"},
}

func TestRepositoryStates(t *testing.T) {
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t)
			root := s.repo()
			cwd, e, gitEnv := st.setup(s, root)
			r := open(t, cwd, cwd, e)
			// Every state here is readable without the git binary: the
			// default backend must be go-git plus pqcert's index reader.
			if r.store == nil {
				t.Fatalf("needs the git CLI: %s", r.cliReason)
			}
			if _, err := r.readIndex(); err != nil {
				t.Fatalf("own index reader: %v", err)
			}
			if s.hookDiff != "" && s.hookDiff != st.want {
				t.Fatalf("inside the hook git saw %q, want %q", s.hookDiff, st.want)
			}
			verify(t, s, r, cwd, gitEnv, st.want)
		})
	}
}
