// Package checks holds pqcert's rules and what they run on.
//
// A rule is one file, pqNNN_name.go, whose declaration is a single Rule
// literal: its stable ID, name, severity, documentation, a bad and a good
// example, and Run. registry.go lists every rule in ID order; a new rule is
// a new file, a line there, and a folder of cases in testdata/PQ0NN/ whose
// inputs carry the expected findings as `// want PQ0NN "regexp"` comments
// (see checkstest). docs/rules.md is generated from the registry.
//
// The files around the rules:
//
//   - rule.go, pass.go, diagnostic.go: what a rule declares, what it sees
//     while it runs, and the findings it reports;
//   - run.go, suppress.go: running rules over connectors in parallel, and
//     the `// pqcert:ignore PQ0NN reason` comments;
//   - connector.go, load.go: the loaded connector (parsed M, resx, icons);
//   - scope.go, datasource.go: M's lexical scopes and the data source kind
//     declarations, shared by most rules;
//   - the analyses some rules share, each named for what it follows:
//     version.go and fix_version.go (the [Version] attribute), tracing.go
//     (trace calls and their flags), credentials.go, tracer.go and
//     modules.go (where a value comes from, across helpers and .pqm
//     modules), docmeta.go and follower.go (documentation metadata and
//     records built in steps), naming.go, icons.go, resxkeys.go,
//     resxreport.go, conflict.go (merge-conflict markers).
package checks
