# Shared by the pqcert git hooks (installed by pqcert install-hooks): find
# the commands and chain to the hook that was installed before pqcert.

# pqcert_run runs a pqcert command from $PQCERT_BIN, PATH, or the Go bin
# folder, in that order. A missing command stops the commit with a message
# saying how to install it, rather than letting it through unchecked.
pqcert_run() {
	cmd=$1
	shift
	if [ -n "${PQCERT_BIN:-}" ] && [ -x "$PQCERT_BIN/$cmd" ]; then
		"$PQCERT_BIN/$cmd" "$@"
		return
	fi
	if command -v "$cmd" >/dev/null 2>&1; then
		"$cmd" "$@"
		return
	fi
	for dir in "$(go env GOBIN 2>/dev/null)" "$(go env GOPATH 2>/dev/null)/bin"; do
		if [ -n "$dir" ] && [ -x "$dir/$cmd" ]; then
			"$dir/$cmd" "$@"
			return
		fi
	done
	echo "pqcert: $cmd is not installed: go install github.com/pqcert/pqcert/cmd/...@latest" >&2
	return 1
}

# pqcert_chain runs the hook that pqcert install-hooks found in place and
# kept as NAME.pre-pqcert.
pqcert_chain() {
	name=$1
	shift
	prev="$(dirname "$0")/$name.pre-pqcert"
	if [ -x "$prev" ]; then
		"$prev" "$@"
	fi
}
