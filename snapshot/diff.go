package snapshot

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"sort"
	"strconv"
)

// Change is one changed path, with git's status letters: A added,
// M modified (content or executable bit), D deleted, R renamed (exact
// content match; OldPath set), T type change (file, symlink, submodule),
// U unmerged.
type Change struct {
	Status  string
	Path    string
	OldPath string
}

// Diff lists the changes from before to after, sorted by path. Files are
// compared by object id; disk and .mez files, which have none, are hashed
// as git blobs only where a comparison needs it. Renames are found only
// when a deleted and an added file have the same content and type.
func Diff(before, after Snapshot) ([]Change, error) {
	if b, ok := before.(*commitSnapshot); ok {
		if a, ok := after.(*commitSnapshot); ok && a.store == b.store {
			return diffCommits(b, a)
		}
	}
	bs, err := before.Files()
	if err != nil {
		return nil, err
	}
	as, err := after.Files()
	if err != nil {
		return nil, err
	}
	h := hasher{before: before, after: after, kind: hashKind(bs, as)}
	var out []Change
	i, j := 0, 0
	for i < len(bs) || j < len(as) {
		switch {
		case j == len(as) || (i < len(bs) && bs[i].Path < as[j].Path):
			out = append(out, Change{Status: "D", Path: bs[i].Path})
			i++
		case i == len(bs) || as[j].Path < bs[i].Path:
			out = append(out, Change{Status: added(as[j]), Path: as[j].Path})
			j++
		default:
			st, err := h.compare(bs[i], as[j])
			if err != nil {
				return nil, err
			}
			if st != "" {
				out = append(out, Change{Status: st, Path: as[j].Path})
			}
			i++
			j++
		}
	}
	return pairRenames(out, func(c Change, old bool) (string, error) {
		if old {
			e, _ := before.Stat(c.Path)
			return h.hashOf(before, e)
		}
		e, _ := after.Stat(c.Path)
		return h.hashOf(after, e)
	})
}

func added(e Entry) string {
	if e.Unmerged {
		return "U"
	}
	return "A"
}

// modeKind groups modes the way git decides between M and T: regular
// files (either permission) are one kind.
func modeKind(m uint32) uint32 { return m &^ 0o777 }

// compareEntries is the verdict for a path present on both sides, given a
// way to get each side's object id: "" unchanged, or "M", "T", "U".
func compareEntries(b, a Entry, hashB, hashA func() (string, error)) (string, error) {
	if a.Unmerged {
		return "U", nil
	}
	if modeKind(b.Mode) != modeKind(a.Mode) {
		return "T", nil
	}
	if b.Mode != a.Mode {
		return "M", nil
	}
	if b.Size >= 0 && a.Size >= 0 && b.Size != a.Size && b.Hash == "" && a.Hash == "" {
		return "M", nil
	}
	hb, err := hashB()
	if err != nil {
		return "", err
	}
	ha, err := hashA()
	if err != nil {
		return "", err
	}
	if hb != ha {
		return "M", nil
	}
	return "", nil
}

// hasher supplies object ids, computing git blob hashes for entries that
// have none, in the object format of the side that has them.
type hasher struct {
	before, after Snapshot
	kind          func() hash.Hash
}

func (h *hasher) compare(b, a Entry) (string, error) {
	return compareEntries(b, a,
		func() (string, error) { return h.hashOf(h.before, b) },
		func() (string, error) { return h.hashOf(h.after, a) })
}

func (h *hasher) hashOf(s Snapshot, e Entry) (string, error) {
	if e.Hash != "" || e.Path == "" {
		return e.Hash, nil
	}
	data, err := s.ReadFile(e.Path)
	if err != nil {
		return "", err
	}
	return BlobHash(h.kind(), data), nil
}

// hashKind picks SHA-256 when either side carries 64-digit object ids.
func hashKind(sides ...[]Entry) func() hash.Hash {
	for _, es := range sides {
		for _, e := range es {
			if len(e.Hash) == 64 {
				return sha256.New
			}
			if e.Hash != "" {
				return sha1.New
			}
		}
	}
	return sha1.New
}

// BlobHash is the git object id of data stored as a blob.
func BlobHash(h hash.Hash, data []byte) string {
	h.Write([]byte("blob " + strconv.Itoa(len(data)) + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// emptyBlob holds the empty file's object id in both formats: git never
// pairs empty files as a rename, and neither does pqcert.
var emptyBlob = map[string]bool{
	"e69de29bb2d1d6434b8b29ae775ad8c2e48c5391":                         true,
	"473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813": true,
}

// pairRenames turns a deleted and an added path with the same object id
// into one R change. Only exact matches pair: a similarity score would be a
// guess, and a guess here could hide a real change from a check. Each
// object id pairs once, first deleted path with first added path in path
// order, so the result is deterministic.
func pairRenames(cs []Change, oid func(c Change, old bool) (string, error)) ([]Change, error) {
	deleted := map[string][]int{}
	for i, c := range cs {
		if c.Status == "D" {
			id, err := oid(c, true)
			if err != nil {
				return nil, err
			}
			if !emptyBlob[id] {
				deleted[id] = append(deleted[id], i)
			}
		}
	}
	if len(deleted) == 0 {
		return cs, nil
	}
	drop := map[int]bool{}
	for i, c := range cs {
		if c.Status != "A" {
			continue
		}
		id, err := oid(c, false)
		if err != nil {
			return nil, err
		}
		if d := deleted[id]; len(d) > 0 {
			cs[i] = Change{Status: "R", Path: c.Path, OldPath: cs[d[0]].Path}
			drop[d[0]] = true
			deleted[id] = d[1:]
		}
	}
	out := cs[:0]
	for i, c := range cs {
		if !drop[i] {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}
