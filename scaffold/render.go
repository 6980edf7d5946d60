package scaffold

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/pqcert/pqcert/templates"
)

// File is one file of a scaffold.
type File struct {
	Path string // "/"-separated, below the connector folder or the repository root
	Data []byte
	Repo bool // belongs at the repository root, written only when absent
}

// Render produces the scaffold in memory: the connector's files (Name/…)
// and the repository files. It writes nothing. dir is the connector
// folder relative to the repository root, for the Makefile.
func Render(o Options, dir string) ([]File, error) {
	o, err := o.normalize()
	if err != nil {
		return nil, err
	}
	if err := checkMakeDir(dir); err != nil {
		return nil, err
	}
	return render(newData(o, dir))
}

var funcs = template.FuncMap{
	"mtext": mText,
	"xml": func(s string) (string, error) {
		var b strings.Builder
		err := xml.EscapeText(&b, []byte(s))
		return b.String(), err
	},
}

// parseTemplates parses every template into one set, so partials and the
// blocks the repository files {{define}} are shared.
func parseTemplates() (*template.Template, error) {
	root := template.New("").Funcs(funcs).Funcs(template.FuncMap{
		"authData": func(d *data, kind string) authItem { return authItem{d, kind} },
	})
	root, err := root.ParseFS(templates.FS, "connector/*.tmpl", "repo/*.tmpl", "partials/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return root, nil
}

func render(d *data) ([]File, error) {
	root, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	var files []File
	for _, folder := range []string{"connector", "repo"} {
		names, err := fs.Glob(templates.FS, folder+"/*.tmpl")
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			var b bytes.Buffer
			// ParseFS names each template by its base name.
			if err := root.ExecuteTemplate(&b, path.Base(name), d); err != nil {
				return nil, fmt.Errorf("templates: %w", err)
			}
			out := strings.TrimSuffix(path.Base(name), ".tmpl")
			out = strings.ReplaceAll(out, "_NAME_", d.Name)
			files = append(files, File{Path: out, Data: b.Bytes(), Repo: folder == "repo"})
		}
	}
	for _, px := range IconSizes {
		png, err := Icon(d.Name, px)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: iconFile(d.Name, px), Data: png})
	}
	sort.SliceStable(files, func(i, j int) bool {
		if files[i].Repo != files[j].Repo {
			return !files[i].Repo
		}
		return files[i].Path < files[j].Path
	})
	return files, nil
}
