package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
)

// decodeExtensions walks the extension blocks after the entries. Optional
// extensions (signature starting with an upper-case letter) that this reader
// has no use for are skipped, as git does. The two mandatory ones git writes
// today change what the entries mean, so they are refused rather than
// ignored: "link" (split index: most entries live in another file) and
// "sdir" (sparse index: some entries are whole folders).
func (idx *Index) decodeExtensions(b []byte) error {
	for len(b) > 0 {
		if len(b) < 8 {
			return fmt.Errorf("corrupt index: truncated extension header")
		}
		sig := string(b[:4])
		size := int(binary.BigEndian.Uint32(b[4:8]))
		if size > len(b)-8 {
			return fmt.Errorf("corrupt index: extension %q overruns the file", sig)
		}
		data := b[8 : 8+size]
		b = b[8+size:]
		switch {
		case sig == "TREE":
			tree, err := decodeTree(data, idx.HashLen)
			if err != nil {
				return err
			}
			idx.Tree = tree
		case sig == "link":
			return &UnsupportedError{Feature: "split index"}
		case sig == "sdir":
			return &UnsupportedError{Feature: "sparse index"}
		case sig[0] >= 'A' && sig[0] <= 'Z':
			// REUC, UNTR, FSMN, EOIE, IEOT and future optional extensions.
		default:
			return &UnsupportedError{Feature: fmt.Sprintf("index extension %q", sig)}
		}
	}
	for _, e := range idx.Entries {
		if e.Mode == ModeSparseDir {
			return &UnsupportedError{Feature: "sparse index"}
		}
	}
	return nil
}

// decodeTree reads the cache-tree extension: a pre-order list of
// "name NUL count SP subtrees LF [oid]". Invalidated nodes (count -1) carry
// no oid but still have children, so the full path of every node is built
// from the stack of its ancestors; go-git's decoder drops them and loses
// the structure.
func decodeTree(b []byte, hashLen int) (map[string]TreeNode, error) {
	tree := make(map[string]TreeNode)
	type frame struct {
		path string
		left int // children still to read
	}
	var stack []frame
	for len(b) > 0 {
		nul := bytes.IndexByte(b, 0)
		if nul < 0 {
			return nil, fmt.Errorf("corrupt cache-tree: name not terminated")
		}
		name := string(b[:nul])
		b = b[nul+1:]
		nl := bytes.IndexByte(b, '\n')
		sp := bytes.IndexByte(b, ' ')
		if nl < 0 || sp < 0 || sp > nl {
			return nil, fmt.Errorf("corrupt cache-tree: bad counts")
		}
		count, err1 := strconv.Atoi(string(b[:sp]))
		subtrees, err2 := strconv.Atoi(string(b[sp+1 : nl]))
		if err1 != nil || err2 != nil || subtrees < 0 {
			return nil, fmt.Errorf("corrupt cache-tree: bad counts")
		}
		b = b[nl+1:]
		for len(stack) > 0 && stack[len(stack)-1].left == 0 {
			stack = stack[:len(stack)-1]
		}
		path := name
		if len(stack) > 0 {
			parent := &stack[len(stack)-1]
			parent.left--
			if parent.path != "" {
				path = parent.path + "/" + name
			}
		}
		if count >= 0 {
			if len(b) < hashLen {
				return nil, fmt.Errorf("corrupt cache-tree: truncated object id")
			}
			tree[path] = TreeNode{EntryCount: count, OID: b[:hashLen:hashLen]}
			b = b[hashLen:]
		}
		stack = append(stack, frame{path: path, left: subtrees})
	}
	return tree, nil
}
