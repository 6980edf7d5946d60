// Package templates holds the files scaffold-connector writes, as Go
// text/template sources with a .tmpl suffix, embedded in one FS.
//
//   - connector/ becomes the new connector folder; "_NAME_" in a file name is
//     replaced by the connector's name.
//   - repo/ goes to the repository root, each file only when it is absent.
//   - partials/ holds {{define}} blocks the other templates share; it is
//     never written out.
//
// Icons are not here: scaffold draws them for each name (scaffold/icon.go).
package templates

import "embed"

// FS is every template. all: keeps the dot files (.gitignore,
// .pre-commit-config.yaml) that a plain pattern would skip.
//
//go:embed all:connector all:repo partials
var FS embed.FS
