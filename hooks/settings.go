package hooks

import (
	"regexp"
	"strings"

	"github.com/pqcert/pqcert/snapshot"
)

// repoSettings are the options a repository keeps in its git config, so
// that every hook and command sees them without flags:
//
//	git config --add pqcert.released Contoso        # Contoso had its first certified release
//	git config pqcert.versionPlaceholder 0.0.0      # CI stamps the real version
type repoSettings struct {
	released    []string
	placeholder string
}

// readRepoSettings reads the pqcert.* settings of repo from its own config
// (no git process: a hook runs on every commit); outside a repository
// (repo nil) there are none.
func readRepoSettings(repo *snapshot.Repo) repoSettings {
	var s repoSettings
	if repo == nil {
		return s
	}
	for _, v := range repo.Setting("released") {
		for _, name := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			s.released = append(s.released, strings.TrimSuffix(name, "/"))
		}
	}
	if v := repo.Setting("versionPlaceholder"); len(v) > 0 {
		s.placeholder = v[len(v)-1]
	}
	return s
}

var objectID = regexp.MustCompile(`^[0-9a-f]{40}([0-9a-f]{24})?$`)

// beforeName is how messages name what a change is compared with: HEAD for
// the staged change, the ref as given, or a short commit id.
func beforeName(fromRef string) string {
	switch {
	case fromRef == "":
		return "HEAD"
	case objectID.MatchString(fromRef):
		return "commit " + fromRef[:12]
	}
	return fromRef
}
