package odb

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/internal/testtool"
)

// TestReadMatchesGit packs a history with deltas (git gc --aggressive) and
// compares every object the reader returns with `git cat-file`.
func TestReadMatchesGit(t *testing.T) {
	testtool.Need(t, "git", "apt-get install git")
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

// TestRefDeltaCycle: two REF_DELTA objects, each the other's base, end in
// an error at the delta depth limit instead of recursing without end (the
// base used to be read with the depth reset to 0).
func TestRefDeltaCycle(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	dir := t.TempDir()
	a, b := bytes.Repeat([]byte{0x11}, 20), bytes.Repeat([]byte{0x22}, 20)
	// pack: header, then at 12 a REF_DELTA (type 7, size 0) on b, at 33
	// one on a; the deltas themselves are never reached.
	pack := []byte("PACK\x00\x00\x00\x02\x00\x00\x00\x02")
	offA := len(pack)
	pack = append(append(pack, 7<<4), b...)
	offB := len(pack)
	pack = append(append(pack, 7<<4), a...)
	var idx bytes.Buffer
	idx.WriteString("\xfftOc\x00\x00\x00\x02")
	for i := range 256 {
		n := uint32(0)
		if i >= 0x11 {
			n++
		}
		if i >= 0x22 {
			n++
		}
		binary.Write(&idx, binary.BigEndian, n)
	}
	idx.Write(a)
	idx.Write(b)
	idx.Write(make([]byte, 8)) // CRC32s, unchecked
	binary.Write(&idx, binary.BigEndian, uint32(offA))
	binary.Write(&idx, binary.BigEndian, uint32(offB))
	os.MkdirAll(filepath.Join(dir, "pack"), 0o755)
	os.WriteFile(filepath.Join(dir, "pack", "p.pack"), pack, 0o644)
	os.WriteFile(filepath.Join(dir, "pack", "p.idx"), idx.Bytes(), 0o644)
	db := Open(dir, 20)
	defer db.Close()
	if _, _, err := db.Read(a); err == nil || !strings.Contains(err.Error(), "too deep") {
		t.Fatalf("Read of a delta cycle: %v, want the depth limit", err)
	}
}
