# pqcert — make targets. Everything needs only Go and git; the optional
# tools (pre-commit, node) are installed by .ci/run in CI and skipped with a
# message on a developer's machine.
GO       ?= go
BIN      ?= bin
COMMANDS := pqcert check-version-bump check-resx-strings check-beta-flag check-no-tracing check-certification scaffold-connector package-connector
FUZZTIME ?= 20s

.PHONY: all build test unit vet bench fuzz demo install install-hooks docs clean

all: build

build:
	@mkdir -p $(BIN)
	$(GO) build -o $(BIN)/ ./cmd/...

install:
	$(GO) install ./cmd/...

# The race detector needs cgo and a C compiler; without them the tests run
# without it, and say so.
RACE := $(shell [ "$$($(GO) env CGO_ENABLED)" = 1 ] && command -v "$$($(GO) env CC)" >/dev/null 2>&1 && echo -race)

# Every test: vet, the unit tests with the race detector (the fuzz seeds run
# as ordinary tests), and the end-to-end tests.
test: vet
	@[ -n "$(RACE)" ] || echo "note: no C compiler for cgo, so no -race (apt-get install gcc)"
	@command -v pre-commit >/dev/null 2>&1 || echo "note: no pre-commit: its end-to-end test is skipped (apt-get install pre-commit)"
	@command -v node >/dev/null 2>&1 || echo "note: no node: the SARIF validation and reference-parser tests are skipped (apt-get install nodejs npm)"
	$(GO) test $(RACE) -count=1 ./...

vet:
	$(GO) vet ./...

# Benchmarks of every package, then the parser beside the reference parser
# (skipped with a note where node and pqref are not set up).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	scripts/bench-parser.sh

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzScanner -fuzztime $(FUZZTIME) ./m/scanner
	$(GO) test -run '^$$' -fuzz FuzzParser -fuzztime $(FUZZTIME) ./m/parser

demo: build
	$(BIN)/pqcert demo

# The rule reference, generated from the registry (a test fails when it drifts).
docs:
	$(GO) test ./hooks -run '^TestDocsUpToDate$$' -count=1 -update

# Plain git hooks for this checkout (in another repository: pqcert
# install-hooks there): the commands go to $(go env GOPATH)/bin, the hooks
# where git looks for them (an existing hook is kept and chained to).
install-hooks: install
	$(GO) run ./cmd/pqcert install-hooks

clean:
	rm -rf $(BIN)
