package mez

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

// tree is a connector folder with everything a real one collects beside
// its packaged files.
var tree = map[string]string{
	"Contoso/Contoso.pq":            "[Version = \"1.0.0\"]\nsection Contoso;\nshared Contoso.Contents = () => 1;\n",
	"Contoso/Helpers.pqm":           "let x = 1 in x",
	"Contoso/lib/Table.pqm":         "let y = 2 in y",
	"Contoso/resources.resx":        "<root/>",
	"Contoso/resources.de-DE.resx":  "<root/>",
	"Contoso/Contoso16.png":         "png16",
	"Contoso/Contoso.query.pq":      "Contoso.Contents()",
	"Contoso/Contoso.proj":          "<Project/>",
	"Contoso/Contoso.mproj":         "<Project/>",
	"Contoso/bin/Contoso.mez":       "old package",
	"Contoso/obj/cache.pqm":         "let z = 3 in z",
	"Contoso/Contoso.mez":           "stray package",
	"Contoso/client_secret":         "s3cret",
	"Contoso/config.json":           `{"client_secret":"s3cret"}`,
	"Contoso/.vscode/settings.json": "{}",
}

func writeTree(t *testing.T, root string, files map[string]string, mtime time.Time) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
}

func build(t *testing.T, root string) []byte {
	t.Helper()
	s, err := snapshot.OpenDir(root)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := connector.Discover(s)
	if err != nil || len(pkgs) != 1 {
		t.Fatalf("Discover: %v, %v", pkgs, err)
	}
	if got := Name(pkgs[0]); got != "Contoso.mez" {
		t.Errorf("Name = %q, want Contoso.mez", got)
	}
	b, err := Bytes(s, pkgs[0])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPackagedFilesOnly(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, tree, time.Now())
	out := filepath.Join(t.TempDir(), "Contoso.mez")
	if err := os.WriteFile(out, build(t, root), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := snapshot.OpenMez(out)
	if err != nil {
		t.Fatal(err)
	}
	files, err := s.Files()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
		data, err := s.ReadFile(f.Path)
		if err != nil || string(data) != tree["Contoso/"+f.Path] {
			t.Errorf("%s: read back %q, %v", f.Path, data, err)
		}
	}
	want := []string{"Contoso.pq", "Contoso16.png", "Helpers.pqm", "lib/Table.pqm", "resources.de-DE.resx", "resources.resx"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q\nwant %q", got, want)
	}
}

// TestReproducible builds the same sources twice, and from a copy written
// a day later with other permissions: the bytes must not change.
func TestReproducible(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	writeTree(t, a, tree, time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC))
	writeTree(t, b, tree, time.Now())
	if err := os.Chmod(filepath.Join(b, "Contoso", "Contoso.pq"), 0o755); err != nil {
		t.Fatal(err)
	}
	first, second, copied := build(t, a), build(t, a), build(t, b)
	if !bytes.Equal(first, second) {
		t.Error("two builds of the same folder differ")
	}
	if !bytes.Equal(first, copied) {
		t.Error("a copy with other mtimes and modes builds different bytes")
	}
}

func TestEntriesAtRoot(t *testing.T) {
	pkg := connector.Package{Dir: "", Main: "Solo.pq", Files: []string{"Solo.pq", "resources.resx"}}
	got := Entries(pkg)
	want := []Entry{{"Solo.pq", "Solo.pq"}, {"resources.resx", "resources.resx"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Entries = %v, want %v", got, want)
	}
}
