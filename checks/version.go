package checks

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
)

// versionAttr is the [Version = "..."] attribute in front of a connector's
// section, as the version rules (PQ003–PQ006) read it.
type versionAttr struct {
	Field *ast.Field    // the Version field of the section's attribute record
	Lit   *ast.BasicLit // its value when it is a text literal, else nil
	Text  string        // the decoded text of Lit
}

// sectionVersion returns the section's Version attribute, or nil when the
// main file has no section or the section no Version field. The record
// may span lines and hold other fields.
func sectionVersion(c *Connector) *versionAttr {
	if c == nil {
		return nil
	}
	sec := c.Section()
	if sec == nil {
		return nil
	}
	f := sec.Attrs.Lookup("Version")
	if f == nil {
		return nil
	}
	v := &versionAttr{Field: f}
	if lit, ok := f.Value.(*ast.BasicLit); ok && (lit.Kind == token.TEXT || lit.Kind == token.VERBATIM) {
		v.Lit, v.Text = lit, lit.Value
	}
	return v
}

// node returns what a finding about the version points at: the literal
// when there is one, else the field.
func (v *versionAttr) node() ast.Node {
	if v.Lit != nil {
		return v.Lit
	}
	return v.Field
}

// isPlaceholder reports whether text is the version placeholder that CI
// stamps (Config.VersionPlaceholder).
func isPlaceholder(p *Pass, text string) bool {
	return p.Config != nil && p.Config.VersionPlaceholder != "" && text == p.Config.VersionPlaceholder
}

// comparableVersions returns the parsed versions of the connector after
// and before the change when both are valid, real (not the placeholder)
// versions; ok is false otherwise, and the version rules then say nothing.
func comparableVersions(p *Pass) (after *versionAttr, av, bv semver, ok bool) {
	if p.Before == nil {
		return nil, semver{}, semver{}, false
	}
	after, before := sectionVersion(p.Conn), sectionVersion(p.Before)
	if after == nil || after.Lit == nil || before == nil || before.Lit == nil {
		return nil, semver{}, semver{}, false
	}
	if isPlaceholder(p, after.Text) || isPlaceholder(p, before.Text) {
		return nil, semver{}, semver{}, false
	}
	av, ok1 := parseSemver(after.Text)
	bv, ok2 := parseSemver(before.Text)
	return after, av, bv, ok1 && ok2
}

// packagedContent returns every packaged file of c by path relative to
// the connector's folder, with the bytes the loader kept (for icons their
// SHA-256); known is false for a file whose content is not known.
func (c *Connector) packagedContent() map[string]fileContent {
	out := make(map[string]fileContent, len(c.Files))
	rel := func(p string) string { return relToConnector(c.Dir, p) }
	for _, p := range c.Files {
		out[rel(p)] = fileContent{}
	}
	for _, f := range c.MFiles() {
		if f.AST != nil && f.Src != nil { // no AST: the file could not be read
			out[rel(f.Path)] = fileContent{data: string(f.Src.Source()), known: true}
		}
	}
	for _, r := range c.Resx {
		if r.File != nil && r.File.Src != nil {
			out[rel(r.Path)] = fileContent{data: string(r.File.Src.Source()), known: true}
		}
	}
	for _, ic := range c.Icons {
		if ic.Sum != ([32]byte{}) {
			out[rel(ic.Path)] = fileContent{data: string(ic.Sum[:]), known: true}
		}
	}
	return out
}

type fileContent struct {
	data  string
	known bool
}

// packagedChanges sorts the packaged files that differ between two
// versions of a connector by how they differ, each list sorted.
type packagedChanges struct {
	changed, added, removed []string
}

// fileChanges lists the packaged files (relative to the connector's
// folder) that differ between before and after: added, removed, or with
// other bytes. A file whose bytes are unknown on either side counts as
// unchanged, so that a connector the loader could not fully read never
// gets a finding it does not deserve.
func fileChanges(after, before *Connector) packagedChanges {
	a, b := after.packagedContent(), before.packagedContent()
	var out packagedChanges
	for p, ac := range a {
		bc, ok := b[p]
		switch {
		case !ok:
			out.added = append(out.added, p)
		case ac.known && bc.known && ac.data != bc.data:
			out.changed = append(out.changed, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out.removed = append(out.removed, p)
		}
	}
	slices.Sort(out.changed)
	slices.Sort(out.added)
	slices.Sort(out.removed)
	return out
}

// String says what changed for a message: "Contoso.pq changed and
// Retry.pqm was removed"; "" when nothing did.
func (ch packagedChanges) String() string {
	var parts []string
	add := func(names []string, one, many string) {
		switch {
		case len(names) == 1:
			parts = append(parts, names[0]+" "+one)
		case len(names) > 1:
			parts = append(parts, changedFileList(names)+" "+many)
		}
	}
	add(ch.changed, "changed", "changed")
	add(ch.added, "was added", "were added")
	add(ch.removed, "was removed", "were removed")
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// relToConnector returns p relative to the connector folder dir.
func relToConnector(dir, p string) string {
	if dir == "" || dir == "." {
		return p
	}
	if rest, ok := strings.CutPrefix(p, strings.TrimSuffix(dir, "/")+"/"); ok {
		return rest
	}
	return p
}

// changedFileList writes up to three names for a message: "a", "a and b",
// "a, b and c", "a, b, c and 2 more files".
func changedFileList(names []string) string {
	const most = 3
	switch {
	case len(names) == 1:
		return names[0]
	case len(names) <= most:
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names[:most], ", ") + " and " + strconv.Itoa(len(names)-most) + " more files"
}

// mainFileBase returns the main file's base name for messages.
func mainFileBase(c *Connector) string {
	if c.Main == nil {
		return c.Name
	}
	return path.Base(c.Main.Path)
}

// versionExample is the version the messages suggest after v.
func versionExample(v semver) string { return fmt.Sprintf("%q", v.bumpPatch().String()) }

// Version returns the text of the connector's [Version] attribute, or "".
func (c *Connector) Version() string {
	if v := sectionVersion(c); v != nil {
		return v.Text
	}
	return ""
}
