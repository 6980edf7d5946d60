package checks

import (
	"sync"

	"github.com/pqcert/pqcert/m/ast"
	"github.com/pqcert/pqcert/m/token"
	"github.com/pqcert/pqcert/resx"
)

// Connector is one loaded connector package: what the rules read. Every
// file that failed to load keeps its error beside it, so that one broken
// file never hides the findings in the others.
type Connector struct {
	Dir     string   // the package folder, repository-relative ("." for the root)
	Name    string   // the main file's name without its extension
	Main    *MFile   // the section document
	Modules []*MFile // the .pqm modules, sorted by path
	Resx    []*ResxFile
	Icons   []*Icon
	Files   []string // every packaged file, sorted

	// memo holds analyses that several rules share (tracing, credentials),
	// computed once per connector; see cached.
	memoMu sync.Mutex
	memo   map[string]any
}

// cached returns the value of compute for key, computing it once per
// connector: rules that read the same analysis do not repeat it. The lock
// is not held while computing, so one analysis may use another.
func cached[T any](c *Connector, key string, compute func() T) T {
	c.memoMu.Lock()
	v, ok := c.memo[key]
	c.memoMu.Unlock()
	if ok {
		return v.(T)
	}
	t := compute()
	c.memoMu.Lock()
	defer c.memoMu.Unlock()
	if v, ok := c.memo[key]; ok {
		return v.(T) // computed meanwhile: keep one
	}
	if c.memo == nil {
		c.memo = map[string]any{}
	}
	c.memo[key] = t
	return t
}

// MFile is a parsed M source file.
type MFile struct {
	Path string      // repository-relative
	Src  *token.File // positions
	AST  *ast.File   // possibly partial when Err != nil
	Err  error       // syntax errors (a scanner.ErrorList) or a read error
}

// ResxFile is a parsed resources file; File is nil when it could not be
// read at all, and Err says why (a *resx.Error carries a position).
type ResxFile struct {
	Path    string
	Culture string
	File    *resx.File
	Err     error
}

// Icon is a PNG in the package with the pixel size its header declares.
type Icon struct {
	Path          string
	Width, Height int
	Sum           [32]byte // SHA-256 of the file's bytes, for telling a changed icon; zero when not read
	Err           error    // not a PNG, or unreadable
}

// MFiles returns the main document and the modules.
func (c *Connector) MFiles() []*MFile {
	out := make([]*MFile, 0, 1+len(c.Modules))
	if c.Main != nil {
		out = append(out, c.Main)
	}
	return append(out, c.Modules...)
}

// NeutralResx returns resources.resx (the culture-neutral file), or nil.
func (c *Connector) NeutralResx() *ResxFile {
	for _, r := range c.Resx {
		if r.Culture == "" {
			return r
		}
	}
	return nil
}

// Section returns the main file's section, or nil.
func (c *Connector) Section() *ast.Section {
	if c.Main == nil || c.Main.AST == nil {
		return nil
	}
	return c.Main.AST.Section
}

// Icon returns the icon at a repository-relative path, or nil.
func (c *Connector) Icon(path string) *Icon {
	for _, ic := range c.Icons {
		if ic.Path == path {
			return ic
		}
	}
	return nil
}
