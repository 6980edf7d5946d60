package hooks

import (
	"os/exec"
	"regexp"
	"strings"
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

// readRepoSettings reads the pqcert.* settings of the repository around the
// working folder; outside one, or without git, there are none.
func readRepoSettings() repoSettings {
	var s repoSettings
	for _, v := range gitConfigAll("pqcert.released") {
		for _, name := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			s.released = append(s.released, strings.TrimSuffix(name, "/"))
		}
	}
	if v := gitConfigAll("pqcert.versionPlaceholder"); len(v) > 0 {
		s.placeholder = v[len(v)-1]
	}
	return s
}

func gitConfigAll(key string) []string {
	out, err := exec.Command("git", "config", "--get-all", key).Output()
	if err != nil {
		return nil // unset (exit 1), or no git: no setting
	}
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
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
