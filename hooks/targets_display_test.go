package hooks

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqcert/pqcert/snapshot"
)

// TestMezRootDisplay: a connector at the root of a .mez is shown as
// "ok.mez!" (not "ok.mez!/"), its files as "ok.mez!/A.pq"; one in a
// folder of the .mez as "ok.mez!/Sub".
func TestMezRootDisplay(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ok.mez")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range map[string]string{"A.pq": "section A;\n", "resources.resx": "<root/>", "Sub/B.pq": "section B;\n"} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	f.Close()
	snap, err := snapshot.OpenMez(p)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := folderJobs(p, snap, "ok.mez!")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range loadAll(jobs) {
		got = append(got, c.After.Dir+" "+c.After.Main.Path+" "+strings.Join(c.After.Files, ","))
	}
	want := "ok.mez! ok.mez!/A.pq ok.mez!/A.pq,ok.mez!/resources.resx\nok.mez!/Sub ok.mez!/Sub/B.pq ok.mez!/Sub/B.pq"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("display:\ngot:  %s\nwant: %s", g, want)
	}
}
