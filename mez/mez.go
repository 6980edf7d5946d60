// Package mez builds a connector's .mez: a plain zip of its packaged files,
// byte-for-byte reproducible so that the same sources always give the same
// package, on any OS.
package mez

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/pqcert/pqcert/connector"
	"github.com/pqcert/pqcert/snapshot"
)

// Epoch is the time stamp of every entry. Zip's DOS time cannot go below
// 1980, and a fixed time (not the files' mtimes) is what makes builds
// reproducible.
var Epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Entry is one file of the package: its name inside the zip and its path
// in the snapshot it is read from.
type Entry struct {
	Name   string // relative to the connector folder, "/"-separated
	Source string
}

// Entries lists what goes into the .mez for pkg, sorted by name: exactly
// the packaged files connector.Discover found (the section document, .pqm
// modules, resources*.resx and .png icons), so test queries, bin/ and
// obj/, project files, secrets and older .mez files never ship.
func Entries(pkg connector.Package) []Entry {
	out := make([]Entry, 0, len(pkg.Files))
	for _, f := range pkg.Files {
		name := f
		if pkg.Dir != "" {
			name = strings.TrimPrefix(f, pkg.Dir+"/")
		}
		out = append(out, Entry{Name: name, Source: f})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Name is the package's file name: the section document's base name with
// .mez, as the SDK names it.
func Name(pkg connector.Package) string {
	base := path.Base(pkg.Main)
	return strings.TrimSuffix(base, path.Ext(base)) + ".mez"
}

// Build writes the .mez of pkg, read from s, to w. Entries are sorted,
// compressed where it helps, stamped with Epoch and carry no OS-specific attributes, so the
// output depends only on the files' names and contents.
func Build(w io.Writer, s snapshot.Snapshot, pkg connector.Package) error {
	if pkg.Main == "" {
		return fmt.Errorf("%s: no section document to package", pkg.Dir)
	}
	zw := zip.NewWriter(w)
	for _, e := range Entries(pkg) {
		data, err := s.ReadFile(e.Source)
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: e.Name, Method: method(e.Name), Modified: Epoch}
		// Always the same mode (and so the same "made by Unix" header),
		// whatever the source file's permissions or the builder's OS.
		hdr.SetMode(0o644)
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// method stores PNGs, which are compressed already (deflate only makes
// them larger), and deflates the text files.
func method(name string) uint16 {
	if strings.EqualFold(path.Ext(name), ".png") {
		return zip.Store
	}
	return zip.Deflate
}

// Bytes is Build into memory.
func Bytes(s snapshot.Snapshot, pkg connector.Package) ([]byte, error) {
	var b bytes.Buffer
	if err := Build(&b, s, pkg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
