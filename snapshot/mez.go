package snapshot

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Limits on a .mez: real connectors are a few hundred KB, so anything far
// larger is a mistake or a zip bomb, and reading it must not exhaust memory.
const (
	maxMezFile  = 64 << 20  // the .mez itself
	maxMezTotal = 256 << 20 // sum of uncompressed sizes
	maxMezFiles = 10000
	// maxMezEntry bounds one entry that pqcert reads: section documents,
	// modules, .resx and icons are kilobytes, and a 200 MB one inside the
	// total limit would otherwise be inflated and parsed whole.
	maxMezEntry = 8 << 20
)

// mezSnapshot is a built connector package (a zip), held in memory so the
// snapshot needs no Close.
type mezSnapshot struct {
	path  string
	files map[string]*zip.File
	list  listing
}

// OpenMez opens a .mez (zip) file as a snapshot.
func OpenMez(path string) (Snapshot, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxMezFile {
		return nil, fmt.Errorf("%s: %d bytes is larger than the %d MB a .mez may be", path, info.Size(), maxMezFile>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a .mez (zip) file: %w", path, err)
	}
	if len(zr.File) > maxMezFiles {
		return nil, fmt.Errorf("%s: %d entries is more than %d", path, len(zr.File), maxMezFiles)
	}
	m := &mezSnapshot{path: path, files: make(map[string]*zip.File)}
	var total uint64
	var entries []Entry
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		// Packagers on Windows have been seen writing "\" separators, and
		// some zip tools write "./A.pq" for A.pq.
		name := strings.ReplaceAll(f.Name, `\`, "/")
		for strings.HasPrefix(name, "./") {
			name = name[2:]
		}
		if !fs.ValidPath(name) || name == "." {
			return nil, fmt.Errorf("%s: unsafe entry name %q (absolute or escaping the package)", path, f.Name)
		}
		if _, dup := m.files[name]; dup {
			return nil, fmt.Errorf("%s: entry %q appears twice", path, name)
		}
		total += f.UncompressedSize64
		if total > maxMezTotal {
			return nil, fmt.Errorf("%s: uncompressed content exceeds %d MB", path, maxMezTotal>>20)
		}
		m.files[name] = f
		entries = append(entries, Entry{Path: name, Mode: ModeFile, Size: int64(f.UncompressedSize64)})
	}
	m.list.load = func() ([]Entry, error) { return entries, nil }
	return m, nil
}

func (m *mezSnapshot) Name() string { return m.path }

func (m *mezSnapshot) Files() ([]Entry, error) { return m.list.files() }

func (m *mezSnapshot) Stat(path string) (Entry, bool) { return m.list.stat(path) }

func (m *mezSnapshot) ReadFile(path string) ([]byte, error) {
	f, ok := m.files[path]
	if !ok {
		return nil, notExist(m.path, path)
	}
	if f.UncompressedSize64 > maxMezEntry {
		return nil, fmt.Errorf("%s: entry %q is %d bytes uncompressed, more than the %d MB pqcert reads from one file of a .mez", m.path, f.Name, f.UncompressedSize64, maxMezEntry>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", m.path, path, err)
	}
	defer rc.Close()
	// The declared size bounds the read: a lying header cannot inflate
	// past it.
	data, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err == nil && uint64(len(data)) != f.UncompressedSize64 {
		err = errors.New("size differs from the zip header")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", m.path, path, err)
	}
	return data, nil
}
