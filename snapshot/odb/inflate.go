package odb

import (
	"bufio"
	"compress/zlib"
	"io"
	"sync"
)

// A check reads thousands of small objects; a zlib reader holds a 32 KB
// window and a bufio.Reader 4 KB, so both are reused rather than made anew
// for every object (they were most of the bytes a check allocated).
var (
	inflaters  sync.Pool // zlib readers, reset onto each object
	bufReaders sync.Pool // *bufio.Reader
)

// newBufReader returns a pooled bufio.Reader reading r.
func newBufReader(r io.Reader) *bufio.Reader {
	if br, ok := bufReaders.Get().(*bufio.Reader); ok {
		br.Reset(r)
		return br
	}
	return bufio.NewReaderSize(r, 4096)
}

func putBufReader(br *bufio.Reader) {
	br.Reset(nil)
	bufReaders.Put(br)
}

// inflate returns a pooled zlib reader over r; release it with putInflater.
func inflate(r io.Reader) (io.ReadCloser, error) {
	if z, ok := inflaters.Get().(io.ReadCloser); ok {
		if err := z.(zlib.Resetter).Reset(r, nil); err != nil {
			return nil, err
		}
		return z, nil
	}
	return zlib.NewReader(r)
}

func putInflater(z io.ReadCloser) { inflaters.Put(z) }
