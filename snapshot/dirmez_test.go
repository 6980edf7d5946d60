package snapshot

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenDir(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(outside, []byte("secret\n"), 0o644)
	root := t.TempDir()
	write(t, root, map[string]string{"C/C.pq": "section C;\n", ".git/config": "x", "sub/.git": "gitdir: x\n"})
	os.Chmod(filepath.Join(root, "C/C.pq"), 0o755)
	if err := os.Symlink(outside, filepath.Join(root, "out")); err != nil {
		t.Skip(err)
	}
	os.Symlink("/", filepath.Join(root, "rootlink"))
	s, err := OpenDir(root)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := s.Files()
	var got []string
	for _, f := range files {
		got = append(got, f.Path+" "+modeString(f.Mode))
	}
	mustEqual(t, "Files", strings.Join(got, ","), "C/C.pq 100755,out 120000,rootlink 120000")
	if b, err := s.ReadFile("out"); err != nil || string(b) != outside {
		t.Errorf("ReadFile(out) = %q, %v; want the link target, not the file it points to", b, err)
	}
	for _, p := range []string{"rootlink/etc/passwd", "../secret", "missing", ".git/config", "/etc/passwd"} {
		if _, err := s.ReadFile(p); err == nil {
			t.Errorf("ReadFile(%q) succeeded", p)
		} else if p == "missing" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(missing): %v does not wrap fs.ErrNotExist", err)
		}
	}
}

func modeString(m uint32) string { return fmt.Sprintf("%o", m) }

func writeZip(t *testing.T, names map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.mez")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	for n, c := range names {
		w, _ := zw.Create(n)
		w.Write([]byte(c))
	}
	zw.Close()
	f.Close()
	return p
}

func TestOpenMez(t *testing.T) {
	s, err := OpenMez(writeZip(t, map[string]string{"C.pq": "section C;\n", "resources.resx": "<root/>"}))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := s.ReadFile("C.pq"); err != nil || string(b) != "section C;\n" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	if _, err := s.ReadFile("nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(nope): %v", err)
	}
	for _, bad := range []string{"../evil.pq", "/abs.pq", `..\evil.pq`} {
		if _, err := OpenMez(writeZip(t, map[string]string{bad: "x"})); err == nil || !strings.Contains(err.Error(), "unsafe") {
			t.Errorf("OpenMez with %q: %v, want an unsafe-name error", bad, err)
		}
	}
	notZip := filepath.Join(t.TempDir(), "x.mez")
	os.WriteFile(notZip, []byte("section C;"), 0o644)
	if _, err := OpenMez(notZip); err == nil || !strings.Contains(err.Error(), "not a .mez") {
		t.Errorf("OpenMez(not a zip): %v", err)
	}
}

// TestDiffDiskAgainstIndex compares a folder (no hashes) with the index
// (hashes): blob hashes are computed for the folder side.
func TestDiffDiskAgainstIndex(t *testing.T) {
	s := newSandbox(t)
	root := s.repo()
	s.commitAll(root, base)
	write(t, root, map[string]string{"a.pq": "changed\n", "new.pq": "n\n"})
	os.Rename(filepath.Join(root, "dir/c.pqm"), filepath.Join(root, "moved.pqm"))
	r := open(t, root, root, env{})
	idx, _ := r.Index()
	wt, _ := r.Worktree()
	cs, err := Diff(idx, wt)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "Diff(index, worktree)", format(cs), "A\tnew.pq\nM\ta.pq\nR\tdir/c.pqm\tmoved.pqm")
}

// TestMezEntryCapAndDotSlash: one entry larger than pqcert reads is an
// error naming it, not inflated and parsed whole within the total limit;
// a leading "./" is how some zip tools write a plain name, while ".."
// behind it is still refused.
func TestMezEntryCapAndDotSlash(t *testing.T) {
	big := strings.Repeat("\x00", maxMezEntry+1)
	s, err := OpenMez(writeZip(t, map[string]string{"C.pq": "section C;\n", "Big.pqm": big}))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := s.ReadFile("Big.pqm"); err == nil || !strings.Contains(err.Error(), `"Big.pqm"`) {
		t.Errorf("ReadFile(Big.pqm) = %d bytes, %v; want an error naming the entry", len(b), err)
	}
	s, err = OpenMez(writeZip(t, map[string]string{"./C.pq": "section C;\n", `.\lib\M.pqm`: "m"}))
	if err != nil {
		t.Fatalf("OpenMez with ./ names: %v", err)
	}
	files, _ := s.Files()
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	mustEqual(t, "Files", strings.Join(got, ","), "C.pq,lib/M.pqm")
	if b, err := s.ReadFile("C.pq"); err != nil || string(b) != "section C;\n" {
		t.Errorf("ReadFile(C.pq) = %q, %v", b, err)
	}
	for _, bad := range []string{"./../evil.pq", `.\..\evil.pq`, ".//abs.pq", "./."} {
		if _, err := OpenMez(writeZip(t, map[string]string{bad: "x"})); err == nil || !strings.Contains(err.Error(), "unsafe") {
			t.Errorf("OpenMez with %q: %v, want an unsafe-name error", bad, err)
		}
	}
	if _, err := OpenMez(writeZip(t, map[string]string{"./C.pq": "a", "C.pq": "b"})); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("OpenMez with ./C.pq and C.pq: %v, want a duplicate error", err)
	}
}
