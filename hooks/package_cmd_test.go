package hooks

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// scaffolded writes a fresh Contoso connector into a temporary folder, the
// working directory, and returns that folder.
func scaffolded(t *testing.T, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if code, out, errOut := runCmd(t, "scaffold-connector", append(args, "Contoso")...); code != 0 {
		t.Fatalf("scaffold-connector exit %d\n%s%s", code, out, errOut)
	}
	return dir
}

func TestPackageReproducible(t *testing.T) {
	dir := scaffolded(t, "--auth", "OAuth")
	build := func(src, out string) []byte {
		t.Helper()
		if code, stdout, errOut := runCmd(t, "package-connector", "-o", out, src); code != 0 {
			t.Fatalf("package-connector %s: exit %d\n%s%s", src, code, stdout, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := build("Contoso", filepath.Join(dir, "a.mez"))
	second := build("Contoso", filepath.Join(dir, "b.mez"))
	// A copy with other mtimes (and an extra test query) builds the same bytes.
	copyTree(t, filepath.Join(dir, "Contoso"), filepath.Join(dir, "copy", "Contoso"))
	later := time.Now().Add(48 * time.Hour)
	filepath.Walk(filepath.Join(dir, "copy"), func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, later, later) })
	os.WriteFile(filepath.Join(dir, "copy", "Contoso", "More.query.pq"), []byte("1"), 0o644)
	copied := build(filepath.Join("copy", "Contoso"), filepath.Join(dir, "c.mez"))
	if !bytes.Equal(first, second) || !bytes.Equal(first, copied) {
		t.Errorf("builds differ: %d, %d and %d bytes", len(first), len(second), len(copied))
	}
}

// TestPackageContentsAndRecheck: only packaged files ship, the default
// output is bin/NAME.mez, and check-certification gives the .mez the same
// verdict as the folder.
func TestPackageContentsAndRecheck(t *testing.T) {
	dir := scaffolded(t, "--auth", "Key")
	for name, body := range map[string]string{
		"Contoso.mproj": "<Project/>", "client_secret": "s3cret", "old.mez": "PK",
		"obj/x.pqm": "1", "bin/Debug/Contoso.mez": "PK",
	} {
		p := filepath.Join(dir, "Contoso", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	code, out, errOut := runCmd(t, "package-connector", "Contoso")
	if code != 0 || !strings.Contains(out, "built Contoso/bin/Contoso.mez") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	mezPath := filepath.Join(dir, "Contoso", "bin", "Contoso.mez")
	zr, err := zip.OpenReader(mezPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: time stamp %v", f.Name, f.Modified)
		}
	}
	want := "Contoso.pq Contoso16.png Contoso20.png Contoso24.png Contoso32.png Contoso40.png Contoso48.png Contoso64.png Contoso80.png resources.resx"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries:\n got %s\nwant %s", got, want)
	}
	dc, dout, _ := runCmd(t, "check-certification", "--strict", "Contoso")
	mc, mout, merr := runCmd(t, "check-certification", "--strict", mezPath)
	if dc != mc || (dout == "") != (mout == "") {
		t.Errorf("folder: exit %d %q; .mez: exit %d %q %s", dc, dout, mc, mout, merr)
	}
}

// TestPackageRefusesFindings: errors refuse the build (exit 1, no .mez)
// unless --force; the re-check then agrees with the source check.
func TestPackageRefusesFindings(t *testing.T) {
	dir := scaffolded(t)
	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	b, _ := os.ReadFile(pq)
	os.WriteFile(pq, bytes.Replace(b, []byte("section Contoso;"), []byte("section Contoso"), 1), 0o644)
	code, out, errOut := runCmd(t, "package-connector", "Contoso")
	if code != 1 || !strings.Contains(errOut, "not packaged") || !strings.Contains(out, "PQ001") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, PQ001 and 'not packaged'", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "Contoso", "bin", "Contoso.mez")); err == nil {
		t.Error("a refused build wrote Contoso.mez")
	}
	if code, out, errOut := runCmd(t, "package-connector", "--force", "Contoso"); code != 0 {
		t.Errorf("--force: exit %d\n%s%s", code, out, errOut)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "Contoso", "bin", ".*tmp*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestPackageNoOrManyConnectors(t *testing.T) {
	dir := scaffolded(t)
	if code, _, errOut := runCmd(t, "package-connector", t.TempDir()); code != 2 || !strings.Contains(errOut, "no connector") {
		t.Errorf("empty folder: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCmd(t, "scaffold-connector", "Fabrikam"); code != 0 {
		t.Fatal("second scaffold failed")
	}
	if code, _, errOut := runCmd(t, "package-connector", dir); code != 2 || !strings.Contains(errOut, "2 connectors") {
		t.Errorf("two connectors: exit %d, %q", code, errOut)
	}
}

// TestCheckSDKStyleMez: a .mez as Microsoft's SDK writes it (stored and
// deflated entries, in its own order) is checked like its folder.
func TestCheckSDKStyleMez(t *testing.T) {
	dir := scaffolded(t)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	ents, _ := os.ReadDir(filepath.Join(dir, "Contoso"))
	for i := len(ents) - 1; i >= 0; i-- {
		if strings.HasSuffix(ents[i].Name(), ".query.pq") {
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, "Contoso", ents[i].Name()))
		method := zip.Deflate
		if i%2 == 0 {
			method = zip.Store
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: ents[i].Name(), Method: method, Modified: time.Now()})
		w.Write(data)
	}
	zw.Close()
	os.WriteFile("Sdk.mez", b.Bytes(), 0o644)
	dc, dout, _ := runCmd(t, "check-certification", "Contoso")
	mc, mout, merr := runCmd(t, "check-certification", "Sdk.mez")
	if dc != mc || (dout == "") != (mout == "") {
		t.Errorf("folder: exit %d %q; SDK .mez: exit %d %q %s", dc, dout, mc, mout, merr)
	}
}

// TestPackageIntoFolder: -o naming an existing folder (or ending in a
// separator) writes NAME.mez into it; the refusal says "fix it" for one
// finding and "fix them" for several.
func TestPackageIntoFolder(t *testing.T) {
	dir := scaffolded(t)
	out := filepath.Join(dir, "dist")
	os.Mkdir(out, 0o755)
	if code, stdout, errOut := runCmd(t, "package-connector", "-o", out, "Contoso"); code != 0 {
		t.Fatalf("-o %s: exit %d\n%s%s", out, code, stdout, errOut)
	}
	if _, err := zip.OpenReader(filepath.Join(out, "Contoso.mez")); err != nil {
		t.Errorf("-o an existing folder: %v", err)
	}
	fresh := filepath.Join(dir, "fresh") + string(filepath.Separator)
	if code, stdout, errOut := runCmd(t, "package-connector", "-o", fresh, "Contoso"); code != 0 {
		t.Fatalf("-o %s: exit %d\n%s%s", fresh, code, stdout, errOut)
	}
	if _, err := os.Stat(filepath.Join(fresh, "Contoso.mez")); err != nil {
		t.Errorf("-o a new folder/: %v", err)
	}

	pq := filepath.Join(dir, "Contoso", "Contoso.pq")
	b, _ := os.ReadFile(pq)
	os.WriteFile(pq, bytes.Replace(b, []byte("section Contoso;"), []byte("section Contoso"), 1), 0o644)
	if _, _, errOut := runCmd(t, "package-connector", "Contoso"); !strings.Contains(errOut, "1 error in 1 connector; fix it,") {
		t.Errorf("one finding: %q, want 'fix it'", errOut)
	}
	os.WriteFile(pq, bytes.Replace(b, []byte("Beta = true"), []byte("Beta = false"), 1), 0o644)
	os.WriteFile(filepath.Join(dir, "Contoso", "resources.resx"), []byte("<root>"), 0o644)
	if _, _, errOut := runCmd(t, "package-connector", "Contoso"); !strings.Contains(errOut, "; fix them,") {
		t.Errorf("several findings: %q, want 'fix them'", errOut)
	}
}
