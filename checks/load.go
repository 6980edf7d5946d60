package checks

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pqcert/pqcert/m/parser"
	"github.com/pqcert/pqcert/m/token"
	"github.com/pqcert/pqcert/resx"
)

// ReadFunc reads a file by its repository-relative path.
type ReadFunc func(path string) ([]byte, error)

// maxSourceSize bounds what is read of one file: larger files are reported,
// not parsed, so that a stray data dump cannot stall a commit.
const maxSourceSize = 64 << 20

// Load reads and parses a connector package: its main section document,
// its modules, resources files and icons. It never fails as a whole: a
// file that cannot be read or parsed keeps its error for PQ001/PQ030/PQ017
// to report.
func Load(dir, main string, files []string, read ReadFunc) *Connector {
	c := &Connector{Dir: dir, Files: append([]string(nil), files...)}
	sort.Strings(c.Files)
	if main != "" {
		base := path.Base(main)
		c.Name = strings.TrimSuffix(base, path.Ext(base))
		c.Main = loadM(main, read)
	}
	for _, p := range c.Files {
		base := path.Base(p)
		lower := strings.ToLower(base)
		switch {
		case p == main:
		case strings.HasSuffix(lower, ".pqm"):
			c.Modules = append(c.Modules, loadM(p, read))
		case strings.HasSuffix(lower, ".resx"):
			if culture, ok := resx.CultureOf(base); ok {
				c.Resx = append(c.Resx, loadResx(p, culture, read))
			}
		case strings.HasSuffix(lower, ".png"):
			c.Icons = append(c.Icons, loadIcon(p, read))
		}
	}
	// resources.resx first, then the cultures in name order.
	sort.SliceStable(c.Resx, func(i, j int) bool {
		if (c.Resx[i].Culture == "") != (c.Resx[j].Culture == "") {
			return c.Resx[i].Culture == ""
		}
		return c.Resx[i].Path < c.Resx[j].Path
	})
	return c
}

func readLimited(p string, read ReadFunc) ([]byte, error) {
	src, err := read(p)
	if err != nil {
		return nil, err
	}
	if len(src) > maxSourceSize {
		return nil, fmt.Errorf("%s is %d MB, more than the %d MB pqcert reads", p, len(src)>>20, maxSourceSize>>20)
	}
	return src, nil
}

func loadM(p string, read ReadFunc) *MFile {
	f := &MFile{Path: p}
	src, err := readLimited(p, read)
	if err != nil {
		f.Err = err
		f.Src = token.NewFile(p, nil)
		return f
	}
	f.AST, f.Err = parser.ParseFile(p, src, 0)
	if f.AST != nil && f.AST.Info != nil {
		f.Src = f.AST.Info
	} else {
		f.Src = token.NewFile(p, src)
	}
	return f
}

func loadResx(p, culture string, read ReadFunc) *ResxFile {
	r := &ResxFile{Path: p, Culture: culture}
	src, err := readLimited(p, read)
	if err != nil {
		r.Err = err
		return r
	}
	r.File, r.Err = resx.Parse(p, src)
	return r
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

func loadIcon(p string, read ReadFunc) *Icon {
	ic := &Icon{Path: p}
	src, err := readLimited(p, read)
	if err != nil {
		ic.Err = err
		return ic
	}
	ic.Sum = sha256.Sum256(src) // PQ005 tells a changed icon by it
	// The size is in the IHDR chunk, which must come first: signature (8),
	// chunk length (4), "IHDR" (4), width (4), height (4).
	if len(src) < 24 || string(src[:8]) != string(pngSignature) || string(src[12:16]) != "IHDR" {
		ic.Err = errors.New("not a PNG image")
		return ic
	}
	ic.Width = int(binary.BigEndian.Uint32(src[16:20]))
	ic.Height = int(binary.BigEndian.Uint32(src[20:24]))
	return ic
}
