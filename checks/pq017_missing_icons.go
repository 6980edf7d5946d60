package checks

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"path"
	"slices"

	"github.com/pqcert/pqcert/m/ast"
)

// MissingIcons (PQ017) finds a published connector without icons, or with
// icons that are missing from the package or of the wrong size.
var MissingIcons = &Rule{
	ID:       "PQ017",
	Name:     "missing-icons",
	Severity: Warning,
	Title:    "no SourceImage/SourceTypeImage, or the icon PNGs are missing or of the wrong size",
	Doc: "Looks at the Publish record of every data source kind: it should have SourceImage and " +
		"SourceTypeImage records, each with an Icon16 list of Extension.Contents PNGs of 16, 20, 24 and " +
		"32 pixels and an Icon32 list of 32, 40, 48 and 64 pixels, item by item. Each PNG named must be " +
		"in the package, readable, square and of the size its place in the list promises. Records " +
		"built in steps, named members such as Contoso.Icons, lists in .pqm modules, and helpers that build the " +
		"file name from a constant argument (`Png = (n) => Extension.Contents(n & \".png\")` called as Png(\"Contoso16\")) are followed. " +
		"Certification asks for icons so that the connector looks right in the Get Data dialog at " +
		"every display scale. Fix it by adding the eight PNGs (Contoso16.png ... Contoso64.png) and " +
		"SourceImage = Contoso.Icons, SourceTypeImage = Contoso.Icons to the Publish record.",
	Requirement: "The connector SHOULD: Have icons.",
	Bad: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];

Contoso.Publish = [
    Beta = true,
    ButtonText = {"Contoso", "Connect to Contoso"}
];
`,
	}},
	Good: Example{Files: map[string]string{
		"Contoso.pq": `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Json.Document(Web.Contents(url));

Contoso = [Authentication = [Anonymous = []]];

Contoso.Publish = [
    Beta = true,
    ButtonText = {"Contoso", "Connect to Contoso"},
    SourceImage = Contoso.Icons,
    SourceTypeImage = Contoso.Icons
];

Contoso.Icons = [
    Icon16 = { Extension.Contents("Contoso16.png"), Extension.Contents("Contoso20.png"), Extension.Contents("Contoso24.png"), Extension.Contents("Contoso32.png") },
    Icon32 = { Extension.Contents("Contoso32.png"), Extension.Contents("Contoso40.png"), Extension.Contents("Contoso48.png"), Extension.Contents("Contoso64.png") }
];
`,
		"Contoso16.png": squarePNG(16),
		"Contoso20.png": squarePNG(20),
		"Contoso24.png": squarePNG(24),
		"Contoso32.png": squarePNG(32),
		"Contoso40.png": squarePNG(40),
		"Contoso48.png": squarePNG(48),
		"Contoso64.png": squarePNG(64),
	}},
	Run: runMissingIcons,
}

func runMissingIcons(p *Pass) {
	c := p.Conn
	done := map[ast.Node]bool{}
	for _, ds := range c.DataSources() {
		if ds.Publish == "" {
			continue // not shown in Get Data: no icons to show
		}
		m := c.Member(ds.Publish)
		if m == nil || done[m] {
			continue
		}
		done[m] = true
		fw := c.newFollower() // one budget per kind
		pub := fw.record(m.Value, fw.root)
		if pub == nil {
			continue
		}
		var missing []string
		for _, field := range []string{"SourceImage", "SourceTypeImage"} {
			if f := pub.Fields[field]; f != nil {
				checkIconRecord(p, fw, f, field, done)
			} else if pub.Complete {
				missing = append(missing, field)
			}
		}
		switch len(missing) {
		case 1:
			p.Report(c.Main, m.Name, "Publish record %q has no %s; add %s = [Icon16 = {...}, Icon32 = {...}] listing the connector's PNG icons", ds.Publish, missing[0], missing[0])
		case 2:
			p.Report(c.Main, m.Name, "Publish record %q has no SourceImage or SourceTypeImage; add both, e.g. SourceImage = %s.Icons, SourceTypeImage = %s.Icons with %s.Icons = [Icon16 = {...}, Icon32 = {...}]", ds.Publish, ds.Kind, ds.Kind, ds.Kind)
		}
	}
}

func checkIconRecord(p *Pass, fw *follower, f *recordField, field string, done map[ast.Node]bool) {
	if x, _ := fw.follow(f.Value, f.Env); notRecord(x) {
		p.reportNode(f.At, "%s is not a record; write %s = [Icon16 = {...}, Icon32 = {...}]", field, field)
		return
	}
	icons := fw.record(f.Value, f.Env)
	if icons == nil || done[icons.Node] {
		return
	}
	done[icons.Node] = true
	for _, want := range iconSizes {
		lf := icons.Fields[want.Field]
		if lf == nil {
			if icons.Complete {
				p.reportNode(icons.Node, "the icons of %s have no %s list; add %s = {...} with PNGs of %v pixels", field, want.Field, want.Field, want.Sizes)
			}
			continue
		}
		lx, lenv := fw.follow(lf.Value, lf.Env)
		list, ok := lx.(*ast.ListExpr)
		if !ok {
			continue
		}
		if len(list.Items) == 0 {
			p.reportNode(list, "%s is empty; list PNGs of %v pixels", want.Field, want.Sizes)
			continue
		}
		for i, it := range list.Items {
			if i < len(want.Sizes) {
				checkIcon(p, fw, it, lenv, want.Field, i, want.Sizes[i], done)
			}
		}
	}
}

func checkIcon(p *Pass, fw *follower, it ast.Expr, env *Env, field string, i, size int, done map[ast.Node]bool) {
	call, name, ok := fw.iconFile(it, env, 0)
	if !ok || done[call] {
		return
	}
	done[call] = true
	at := ast.Node(call)
	if len(call.Args) > 0 {
		at = call.Args[0]
	}
	c := p.Conn
	ic := c.Icon(path.Join(c.Dir, name))
	switch {
	case ic == nil:
		p.reportNode(at, "icon %q is not in the package; add a %dx%d PNG named %q", name, size, size, name)
	case ic.Err != nil:
		p.reportNode(at, "icon %q is not a readable PNG (%v); save it as a %dx%d PNG", name, ic.Err, size, size)
	case ic.Width != size || ic.Height != size:
		p.reportNode(at, "icon %q is %dx%d but item %d of %s should be %dx%d; resize it or list the right file", name, ic.Width, ic.Height, i+1, field, size, size)
	}
}

// iconFile returns the Extension.Contents call that an icon list item
// reads, with the constant file name it reads: written out, or through a
// helper defined in the connector (`Png = (n) => Extension.Contents(n &
// ".png")` called as Png("Contoso16")), whose parameters are bound to the
// call's arguments. The call returned is where findings go: the item's
// argument when it goes through a helper.
func (fw *follower) iconFile(it ast.Expr, env *Env, depth int) (at *ast.CallExpr, name string, ok bool) {
	x, xenv := fw.follow(it, env)
	call, isCall := x.(*ast.CallExpr)
	if !isCall || depth > maxResolve {
		return nil, "", false
	}
	if xenv.LibraryName(call.Fun) == "Extension.Contents" {
		if len(call.Args) != 1 {
			return nil, "", false
		}
		name, ok := xenv.Text(call.Args[0])
		return call, name, ok
	}
	fl, fenv := fw.helper(call, xenv)
	if fl == nil {
		return nil, "", false
	}
	// Bind the parameters to the arguments, so that Text can read them.
	for i, p := range fl.Params {
		if p.Name == nil {
			continue
		}
		var v ast.Expr = nullLit
		if i < len(call.Args) {
			v = call.Args[i]
		}
		fenv.defs[p.Name.Name] = &Def{Name: p.Name.Name, Kind: DefLet, Value: v, Env: xenv}
	}
	if _, name, ok = fw.iconFile(fl.Body, fenv, depth+1); !ok {
		return nil, "", false
	}
	return call, name, true
}

// iconSizes are the pixel sizes, item by item, that the Icon16 and Icon32
// lists of SourceImage and SourceTypeImage promise.
var iconSizes = []struct {
	Field string
	Sizes []int
}{
	{"Icon16", []int{16, 20, 24, 32}},
	{"Icon32", []int{32, 40, 48, 64}},
}

// IconSizes returns the pixel sizes of the square PNGs that PQ017 expects
// a published connector to ship, smallest first: those of the Icon16 and
// Icon32 lists together. A tool that writes icons (scaffold-connector) can
// take them from here; scaffold.IconSizes keeps its own list for now, with
// the SDK template's 80 on top.
func IconSizes() []int {
	var out []int
	for _, l := range iconSizes {
		for _, n := range l.Sizes {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}

// squarePNG returns a PNG of n×n pixels, for the examples of PQ017.
func squarePNG(n int) string {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	for i := range n {
		img.Set(i, i, color.NRGBA{R: 0x20, G: 0x60, B: 0xc0, A: 0xff})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return ""
	}
	return b.String()
}
