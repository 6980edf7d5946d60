package odb

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadMatchesGit packs a history with deltas (git gc --aggressive) and
// compares every object the reader returns with `git cat-file`.
func TestReadMatchesGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir,
			"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@e")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	git("init", "-q")
	body := strings.Repeat("shared line of a connector that deltas well\n", 200)
	for i := range 5 {
		os.WriteFile(filepath.Join(dir, "c.pq"), []byte(fmt.Sprintf("%sversion %d\n", body, i)), 0o644)
		git("add", ".")
		git("commit", "-q", "-m", fmt.Sprint(i))
	}
	git("gc", "-q", "--aggressive")
	os.WriteFile(filepath.Join(dir, "loose.pq"), []byte("loose\n"), 0o644)
	git("add", "loose.pq") // one loose blob next to the pack
	db := Open(filepath.Join(dir, ".git", "objects"), 20)
	defer db.Close()
	ids := strings.Fields(git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)"))
	if len(ids) < 15 {
		t.Fatalf("only %d objects", len(ids))
	}
	for _, id := range ids {
		raw, _ := hex.DecodeString(id)
		typ, data, err := db.Read(raw)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		want := git("cat-file", strings.TrimSpace(git("cat-file", "-t", id)), id)
		if !bytes.Equal(data, []byte(want)) || typ < TypeCommit || typ > TypeTag {
			t.Errorf("%s: type %d, content differs from git", id, typ)
		}
	}
	if _, _, err := db.Read(make([]byte, 20)); err == nil {
		t.Error("reading a missing object succeeded")
	}
}
