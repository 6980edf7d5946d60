# Shared by the pqcert git hooks: find the commands and chain to the hook
# that was installed before pqcert.

# pqcert_run runs a pqcert command found on PATH, in $PQCERT_BIN, or in the
# Go bin folder; a missing command stops the commit with a message saying
# how to install it, rather than letting it through unchecked.
pqcert_run() {
	cmd=$1
	shift
	for dir in "${PQCERT_BIN:-}" "$(go env GOBIN 2>/dev/null)" "$(go env GOPATH 2>/dev/null)/bin"; do
		if [ -n "$dir" ] && [ -x "$dir/$cmd" ]; then
			"$dir/$cmd" "$@"
			return
		fi
	done
	if command -v "$cmd" >/dev/null 2>&1; then
		"$cmd" "$@"
		return
	fi
	echo "pqcert: $cmd is not installed: go install github.com/pqcert/pqcert/cmd/...@latest" >&2
	return 1
}

# pqcert_chain runs the hook that make install-hooks found in place and
# kept as NAME.pre-pqcert.
pqcert_chain() {
	name=$1
	shift
	prev="$(dirname "$0")/$name.pre-pqcert"
	if [ -x "$prev" ]; then
		"$prev" "$@"
	fi
}
