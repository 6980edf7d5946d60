package checks

import (
	"fmt"
	"path"
	"strings"
)

// ResxMissingKey (PQ031) reports Extension.LoadString keys that
// resources.resx does not define.
var ResxMissingKey = &Rule{
	ID:       "PQ031",
	Name:     "resx-missing-key",
	Severity: Error,
	Title:    "Extension.LoadString names a key that resources.resx lacks",
	Doc: "Finds Extension.LoadString calls whose key is not defined in resources.resx: a literal key, a key bound to a name, " +
		"a key joined from constant parts with &, or a key passed to a wrapper function such as `GetString = (key) => Extension.LoadString(key)`. " +
		"A missing key makes the call fail when the connector runs, usually in the Get Data dialog or the credential prompt, " +
		"where a reviewer sees it at once. Keys computed from a variable cannot be checked and are left alone. " +
		"When the connector has no resources.resx at all, it is one finding, at the first call, that counts the keys the file " +
		"needs. Fix it by adding a <data name=\"Key\"> entry with the text to resources.resx, or by correcting the key in the M code.",
	Requirement: "The connector SHOULD: Place strings in a resources.resx file.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": resxExampleMain(`Contoso.Publish = [
    Beta = true,
    ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}
];`),
		"resources.resx": resxExample("ButtonTitle", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": resxExampleMain(`Contoso.Publish = [
    Beta = true,
    ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")}
];`),
		"resources.resx": resxExample("DataSourceLabel", "Contoso", "ButtonTitle", "Contoso", "ButtonHelp", "Connect to Contoso"),
	}},
	Run: func(p *Pass) {
		neutral := p.Conn.NeutralResx()
		if neutral != nil && (neutral.File == nil || neutral.Err != nil) {
			return // PQ030: the keys it holds are not known
		}
		if neutral == nil {
			reportNoResx(p)
			return
		}
		reported := map[string]bool{}
		names := resxNames(neutral.File)
		for _, u := range p.Conn.LoadStringKeys().Uses {
			if !u.Exact {
				continue
			}
			at := fmt.Sprintf("%s:%d:%q", u.File.Path, u.Node.Pos(), u.Prefix)
			if reported[at] {
				continue
			}
			reported[at] = true
			if names[u.Prefix] {
				continue
			}
			if near := similarKey(neutral.File, u.Prefix); near != "" {
				p.Report(u.File, u.Node, "key %q is not in %s; correct it to %q or add a <data name=%q> entry", u.Prefix, neutral.Path, near, u.Prefix)
				continue
			}
			p.Report(u.File, u.Node, "key %q is not in %s; add a <data name=%q> entry or correct the key", u.Prefix, neutral.Path, u.Prefix)
		}
	},
}

// reportNoResx reports a connector that calls Extension.LoadString with
// known keys but has no resources.resx: one finding, at the first call,
// with the number of keys the file needs and the first few of them.
func reportNoResx(p *Pass) {
	var first *keyUse
	var keys []string
	seen := map[string]bool{}
	uses := p.Conn.LoadStringKeys().Uses
	for i := range uses {
		u := &uses[i]
		if !u.Exact {
			continue
		}
		if first == nil || useBefore(p.Conn, u, first) {
			first = u
		}
		if !seen[u.Prefix] {
			seen[u.Prefix] = true
			keys = append(keys, fmt.Sprintf("%q", u.Prefix))
		}
	}
	if first == nil {
		return
	}
	listed := strings.Join(keys, ", ")
	if len(keys) > maxListedKeys {
		listed = fmt.Sprintf("%s and %d more", strings.Join(keys[:maxListedKeys], ", "), len(keys)-maxListedKeys)
	}
	noun := "keys"
	if len(keys) == 1 {
		noun = "key"
	}
	p.Report(first.File, first.Node, "resources.resx is missing: Extension.LoadString loads %d %s from it (%s); add %s with a <data name=\"Key\"> entry for each",
		len(keys), noun, listed, path.Join(p.Conn.Dir, "resources.resx"))
}

// maxListedKeys is how many keys the finding of a missing resources.resx
// names.
const maxListedKeys = 5

// useBefore reports whether use a comes before use b: in the main file
// before a module, else by path and position.
func useBefore(c *Connector, a, b *keyUse) bool {
	if (a.File == c.Main) != (b.File == c.Main) {
		return a.File == c.Main
	}
	if a.File.Path != b.File.Path {
		return a.File.Path < b.File.Path
	}
	return a.Node.Pos() < b.Node.Pos()
}
