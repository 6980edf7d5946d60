package hooks

import "embed"

// GitHooks holds the plain git hook scripts (git/pre-commit, git/pre-push,
// git/pqcert-hook-lib.sh) that pqcert install-hooks and the demo install,
// so that no pqcert checkout is needed.
//
//go:embed git
var GitHooks embed.FS
