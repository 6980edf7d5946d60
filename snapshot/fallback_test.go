package snapshot

import (
	"errors"
	"testing"
)

// unreadable are repositories go-git (and pqcert's index reader) cannot
// read: with git installed they are read through the CLI, without it they
// fail naming the feature.
var unreadable = []struct {
	name    string
	setup   func(s *sandbox) string
	feature string
	want    string
}{
	{"SHA-256 object format", func(s *sandbox) string {
		root := s.repo("--object-format=sha256")
		s.commitAll(root, base)
		write(s.t, root, map[string]string{"a.pq": "a2\n"})
		s.git(root, "mv", "dir/c.pqm", "c.pqm")
		s.git(root, "add", "a.pq")
		return root
	}, "SHA-256 object format", "M\ta.pq\nR\tdir/c.pqm\tc.pqm"},
	{"split index", func(s *sandbox) string {
		root := s.repo()
		s.commitAll(root, base)
		s.git(root, "update-index", "--split-index")
		write(s.t, root, map[string]string{"a.pq": "a2\n"})
		s.git(root, "add", "a.pq")
		return root
	}, "split index", "M\ta.pq"},
	{"sparse index", func(s *sandbox) string {
		root := s.repo()
		s.commitAll(root, base)
		s.git(root, "sparse-checkout", "init", "--cone", "--sparse-index")
		s.git(root, "sparse-checkout", "set", "dir")
		write(s.t, root, map[string]string{"dir/b.pq": "b2\n"})
		s.git(root, "add", "dir/b.pq")
		return root
	}, "sparse index", "M\tdir/b.pq"},
}

func TestUnreadableWithGit(t *testing.T) {
	for _, c := range unreadable {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t)
			root := c.setup(s)
			r := open(t, root, root, env{})
			verify(t, s, r, root, nil, c.want)
		})
	}
}

// TestUnreadableWithoutGit is not parallel: it swaps lookGit, and Go runs
// parallel tests only after every sequential one has finished.
func TestUnreadableWithoutGit(t *testing.T) {
	for _, c := range unreadable {
		t.Run(c.name, func(t *testing.T) {
			s := newSandbox(t)
			root := c.setup(s)
			saved := lookGit
			lookGit = func() (string, error) { return "", errors.New("no git") }
			defer func() { lookGit = saved }()
			r, err := openRepo(root, root, env{}.get)
			if err == nil {
				_, err = r.Staged()
			}
			var unsup *UnsupportedError
			if !errors.As(err, &unsup) || unsup.Feature != c.feature {
				t.Fatalf("got %v, want *UnsupportedError{%q}", err, c.feature)
			}
			if r != nil {
				if _, err := r.Index(); !errors.As(err, &unsup) {
					t.Errorf("Index: got %v, want *UnsupportedError", err)
				}
			}
		})
	}
}
