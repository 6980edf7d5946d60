package odb

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

const (
	typeOfsDelta  = 6
	typeRefDelta  = 7
	maxDeltaDepth = 100
)

// pack is one .pack with its version-2 .idx, both read with positioned
// reads on demand.
type pack struct {
	idx, data *os.File
	hashLen   int
	n         uint32
	fanout    [256]uint32
}

func openPack(idxPath string, hashLen int) (*pack, error) {
	idx, err := os.Open(idxPath)
	if err != nil {
		return nil, err
	}
	var hdr [8 + 256*4]byte
	if _, err := idx.ReadAt(hdr[:], 0); err != nil || string(hdr[:4]) != "\xfftOc" || binary.BigEndian.Uint32(hdr[4:8]) != 2 {
		idx.Close()
		return nil, fmt.Errorf("%s: not a version 2 pack index", idxPath)
	}
	data, err := os.Open(strings.TrimSuffix(idxPath, ".idx") + ".pack")
	if err != nil {
		idx.Close()
		return nil, err
	}
	p := &pack{idx: idx, data: data, hashLen: hashLen}
	for i := range p.fanout {
		p.fanout[i] = binary.BigEndian.Uint32(hdr[8+4*i:])
	}
	p.n = p.fanout[255]
	return p, nil
}

func (p *pack) close() error {
	return errors.Join(p.idx.Close(), p.data.Close())
}

// find binary-searches the sorted names of the .idx for id.
func (p *pack) find(id []byte) (int64, bool, error) {
	lo := uint32(0)
	if id[0] > 0 {
		lo = p.fanout[id[0]-1]
	}
	hi := p.fanout[id[0]]
	name := make([]byte, p.hashLen)
	namesAt := int64(8 + 256*4)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if _, err := p.idx.ReadAt(name, namesAt+int64(mid)*int64(p.hashLen)); err != nil {
			return 0, false, err
		}
		switch c := bytes.Compare(name, id); {
		case c == 0:
			off, err := p.offset(mid)
			return off, err == nil, err
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false, nil
}

// offset reads the pack offset of the i-th object, following the 64-bit
// table for packs over 2 GiB.
func (p *pack) offset(i uint32) (int64, error) {
	offsetsAt := int64(8+256*4) + int64(p.n)*int64(p.hashLen+4)
	var b [8]byte
	if _, err := p.idx.ReadAt(b[:4], offsetsAt+int64(i)*4); err != nil {
		return 0, err
	}
	off := binary.BigEndian.Uint32(b[:4])
	if off&0x80000000 == 0 {
		return int64(off), nil
	}
	if _, err := p.idx.ReadAt(b[:], offsetsAt+int64(p.n)*4+int64(off&0x7fffffff)*8); err != nil {
		return 0, err
	}
	return int64(binary.BigEndian.Uint64(b[:])), nil
}

// maxObjectSize bounds the size an object header may claim before pqcert
// allocates it: a corrupt header must not ask for terabytes.
const maxObjectSize = 1 << 31

// readAt reads the object at off, resolving deltas against their bases.
func (p *pack) readAt(off int64, db *DB, depth int) (int, []byte, error) {
	if depth > maxDeltaDepth {
		return 0, nil, errors.New("pack: delta chain too deep")
	}
	r := newBufReader(io.NewSectionReader(p.data, off, 1<<62))
	defer putBufReader(r)
	c, err := r.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	typ := int(c>>4) & 7
	size := uint64(c & 15)
	for shift := 4; c&0x80 != 0; shift += 7 {
		if c, err = r.ReadByte(); err != nil {
			return 0, nil, err
		}
		size |= uint64(c&0x7f) << shift
	}
	var baseType int
	var base []byte
	switch typ {
	case typeOfsDelta:
		c, err := r.ReadByte()
		if err != nil {
			return 0, nil, err
		}
		back := int64(c & 0x7f)
		for c&0x80 != 0 {
			if c, err = r.ReadByte(); err != nil {
				return 0, nil, err
			}
			back = (back+1)<<7 | int64(c&0x7f)
		}
		baseType, base, err = p.readAt(off-back, db, depth+1)
		if err != nil {
			return 0, nil, err
		}
	case typeRefDelta:
		id := make([]byte, p.hashLen)
		if _, err := io.ReadFull(r, id); err != nil {
			return 0, nil, err
		}
		baseType, base, err = db.read(id, depth+1)
		if err != nil {
			return 0, nil, err
		}
	case TypeCommit, TypeTree, TypeBlob, TypeTag:
	default:
		return 0, nil, fmt.Errorf("pack: unknown object type %d", typ)
	}
	zr, err := inflate(r)
	if err != nil {
		return 0, nil, err
	}
	defer putInflater(zr)
	if size > maxObjectSize {
		return 0, nil, fmt.Errorf("pack: object of %d bytes is larger than pqcert reads", size)
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(zr, data); err != nil {
		return 0, nil, fmt.Errorf("pack: inflating object: %w", err)
	}
	if base == nil {
		return typ, data, nil
	}
	out, err := applyDelta(base, data)
	return baseType, out, err
}

// applyDelta rebuilds an object from its base and a git delta: two sizes,
// then copy-from-base and insert-literal instructions.
func applyDelta(base, delta []byte) ([]byte, error) {
	bad := errors.New("pack: corrupt delta")
	srcSize, n := binary.Uvarint(delta)
	if n <= 0 || srcSize != uint64(len(base)) {
		return nil, bad
	}
	delta = delta[n:]
	dstSize, n := binary.Uvarint(delta)
	if n <= 0 {
		return nil, bad
	}
	delta = delta[n:]
	out := make([]byte, 0, dstSize)
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		switch {
		case op&0x80 != 0:
			var off, size uint64
			for i := range 7 {
				if op&(1<<i) == 0 {
					continue
				}
				if len(delta) == 0 {
					return nil, bad
				}
				if i < 4 {
					off |= uint64(delta[0]) << (8 * i)
				} else {
					size |= uint64(delta[0]) << (8 * (i - 4))
				}
				delta = delta[1:]
			}
			if size == 0 {
				size = 0x10000
			}
			if off+size > uint64(len(base)) {
				return nil, bad
			}
			out = append(out, base[off:off+size]...)
		case op != 0:
			if int(op) > len(delta) {
				return nil, bad
			}
			out = append(out, delta[:op]...)
			delta = delta[op:]
		default:
			return nil, bad
		}
	}
	if uint64(len(out)) != dstSize {
		return nil, bad
	}
	return out, nil
}
