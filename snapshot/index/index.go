// Package index reads git's index file format directly.
//
// go-git's decoder costs about 0.8 µs per entry (reflection and one
// allocation per field) and rejects the split index, the sparse index and an
// all-zero trailer. A pre-commit hook reads the whole index on every commit,
// so this reader does the least work git itself does: one pass over the
// bytes, paths sliced out of a single string, no checksum verification (git
// does not verify it on read either), and the cache-tree (TREE) extension
// kept whole so callers can skip folders whose tree is unchanged.
//
// Format reference: git's Documentation/gitformat-index.txt.
package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"unsafe"
)

// Flag bits of an entry, as stored on disk (extended flags shifted up 16).
const (
	flagExtended     = 0x4000
	flagStageMask    = 0x3000
	flagStageShift   = 12
	flagNameMask     = 0x0fff
	extSkipWorktree  = 0x4000
	extIntentToAdd   = 0x2000
	ModeSparseDir    = 0o040000
	minEntryFixedLen = 40 // ctime, mtime, dev, ino, mode, uid, gid, size
)

// Entry is one index entry. Its path and object id are offsets into the
// index's bytes (read them with Index.Path and Index.OID): an entry holds
// no pointers, so the garbage collector neither scans 200,000 of them nor
// slows their decoding with write barriers (a third of the decode time
// when entries held strings).
type Entry struct {
	pathOff, pathLen, oidOff uint32
	Mode                     uint32
	Size                     uint32 // size of the work tree file when it was staged
	Stage                    uint8  // 0 merged; 1 base, 2 ours, 3 theirs while unmerged
	IntentToAdd              bool   // `git add -N`: present but not staged
	SkipWorktree             bool
}

// Index is a decoded index file.
type Index struct {
	Version int
	HashLen int
	Entries []Entry // sorted by path, then stage, as git writes them
	data    []byte  // the file, which object ids alias
	paths   string  // the file (versions 2, 3) or rebuilt paths (version 4)
	// Tree is the cache-tree extension: folder path ("" for the root) to
	// its tree. Only folders whose tree is still valid are present.
	Tree map[string]TreeNode
}

// TreeNode is one valid cache-tree entry.
type TreeNode struct {
	EntryCount int // index entries covered by this folder
	OID        []byte
}

// Path is the path of entry i.
func (idx *Index) Path(i int) string {
	e := &idx.Entries[i]
	return idx.paths[e.pathOff : e.pathOff+e.pathLen]
}

// OID is the object id of entry i; it aliases the index bytes.
func (idx *Index) OID(i int) []byte {
	off := idx.Entries[i].oidOff
	return idx.data[off : off+uint32(idx.HashLen) : off+uint32(idx.HashLen)]
}

// UnsupportedError names an index feature this reader cannot decode.
type UnsupportedError struct{ Feature string }

func (e *UnsupportedError) Error() string { return "unsupported index feature: " + e.Feature }

// ReadFile reads and decodes the index at path. hashLen is 20 for SHA-1
// repositories and 32 for SHA-256 ones.
func ReadFile(path string, hashLen int) (*Index, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Decode(data, hashLen)
}

// Decode decodes an index held in data. data must not be modified
// afterwards: paths and object ids alias it.
func Decode(data []byte, hashLen int) (*Index, error) {
	if len(data) < 12+hashLen || string(data[:4]) != "DIRC" {
		return nil, fmt.Errorf("not a git index (bad signature)")
	}
	if uint64(len(data)) >= 1<<32 {
		return nil, &UnsupportedError{Feature: "index larger than 4 GiB"}
	}
	idx := &Index{Version: int(binary.BigEndian.Uint32(data[4:8])), HashLen: hashLen, data: data}
	if idx.Version < 2 || idx.Version > 4 {
		return nil, &UnsupportedError{Feature: fmt.Sprintf("index version %d", idx.Version)}
	}
	n := int(binary.BigEndian.Uint32(data[8:12]))
	body := data[:len(data)-hashLen]
	off, err := idx.decodeEntries(body, n)
	if err != nil {
		return nil, err
	}
	return idx, idx.decodeExtensions(body[off:])
}

func (idx *Index) decodeEntries(body []byte, n int) (int, error) {
	if n > len(body)/(minEntryFixedLen+idx.HashLen+2)+1 {
		return 0, fmt.Errorf("corrupt index: %d entries cannot fit in %d bytes", n, len(body))
	}
	idx.Entries = make([]Entry, n)
	// Version 4 rebuilds each path from the previous one, so paths are
	// collected into one buffer and turned into strings once at the end;
	// versions 2 and 3 slice them straight out of the file bytes.
	var (
		v4buf []byte
		prev  []byte
	)
	idx.paths = unsafe.String(unsafe.SliceData(body), len(body))
	if idx.Version == 4 {
		v4buf = make([]byte, 0, len(body)/2)
	}
	off := 12
	fixed := minEntryFixedLen + idx.HashLen + 2
	for i := range n {
		if off+fixed > len(body) {
			return 0, fmt.Errorf("corrupt index: entry %d truncated", i)
		}
		e := &idx.Entries[i]
		p := body[off:]
		e.Mode = binary.BigEndian.Uint32(p[24:28])
		e.Size = binary.BigEndian.Uint32(p[36:40])
		e.oidOff = uint32(off + 40)
		flags := binary.BigEndian.Uint16(p[40+idx.HashLen:])
		e.Stage = uint8((flags & flagStageMask) >> flagStageShift)
		hdr := fixed
		if flags&flagExtended != 0 {
			if idx.Version < 3 || off+fixed+2 > len(body) {
				return 0, fmt.Errorf("corrupt index: extended flags in entry %d", i)
			}
			ext := binary.BigEndian.Uint16(p[fixed:])
			e.IntentToAdd = ext&extIntentToAdd != 0
			e.SkipWorktree = ext&extSkipWorktree != 0
			hdr += 2
		}
		rest := p[hdr:]
		if idx.Version == 4 {
			strip, used := varint(rest)
			if used == 0 || strip > uint64(len(prev)) {
				return 0, fmt.Errorf("corrupt index: path of entry %d", i)
			}
			end := bytes.IndexByte(rest[used:], 0)
			if end < 0 {
				return 0, fmt.Errorf("corrupt index: path of entry %d not terminated", i)
			}
			start := len(v4buf)
			v4buf = append(v4buf, prev[:len(prev)-int(strip)]...)
			v4buf = append(v4buf, rest[used:used+end]...)
			prev = v4buf[start:]
			e.pathOff, e.pathLen = uint32(start), uint32(len(v4buf)-start)
			off += hdr + used + end + 1
			continue
		}
		nameLen := int(flags & flagNameMask)
		end := nameLen
		if nameLen == flagNameMask || nameLen >= len(rest) || rest[nameLen] != 0 {
			// Names of 4095 bytes or more store 0xfff: find the NUL.
			end = bytes.IndexByte(rest, 0)
			if end < 0 {
				return 0, fmt.Errorf("corrupt index: path of entry %d not terminated", i)
			}
		}
		e.pathOff, e.pathLen = uint32(off+hdr), uint32(end)
		off += (hdr + end + 8) &^ 7
	}
	if idx.Version == 4 {
		idx.paths = unsafe.String(unsafe.SliceData(v4buf), len(v4buf))
	}
	if off > len(body) {
		return 0, fmt.Errorf("corrupt index: entries overrun the file")
	}
	return off, nil
}

// varint decodes git's offset encoding (not LEB128: each continuation adds
// one so that every value has exactly one encoding).
func varint(b []byte) (uint64, int) {
	if len(b) == 0 {
		return 0, 0
	}
	c := b[0]
	val := uint64(c & 127)
	i := 1
	for c&128 != 0 {
		if i >= len(b) || i > 9 {
			return 0, 0
		}
		c = b[i]
		i++
		val = ((val + 1) << 7) | uint64(c&127)
	}
	return val, i
}
