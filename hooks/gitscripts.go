package hooks

import "embed"

// GitHooks holds the plain git hook scripts (git/pre-commit, git/pre-push,
// git/pqcert-hook-lib.sh, git/install.sh), so that the demo can install
// them without a pqcert checkout.
//
//go:embed git
var GitHooks embed.FS
