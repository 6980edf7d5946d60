// Package checks holds pqcert's rules and what they run on.
//
// A rule is one file, pqNNN_name.go, whose declaration is a single Rule
// literal: its stable ID, name, severity, documentation, a bad and a good
// example, and Run. registry.go lists every rule in ID order. A new rule is
//
//   - a new file, and a line in registry.go;
//   - a folder testdata/PQ0NN/ with at least one bad_* and one good_* case,
//     whose inputs carry the expected findings as `// want PQ0NN "regexp"`
//     comments (see checkstest; TestRuleTestdata requires both kinds);
//   - examples that TestExamples runs: the bad one gives a finding of the
//     rule, the good one, which `pqcert explain` shows as the fix, no error
//     of any rule;
//   - its ID in the Rules of every hook command that should run it, in
//     hooks/commands.go (check-certification runs every rule; the other
//     hooks run only the IDs they list);
//   - `make docs`, which regenerates docs/rules.md and the rule table of
//     README.md from the registry: TestDocsUpToDate (in hooks) fails until
//     they match, so run it after changing an ID, title, doc or example.
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
//     version.go (the [Version] attribute and which packaged files
//     changed), semver.go (semantic versions: parse, compare, bump),
//     fix_version.go (raising the version for --fix), tracing.go (trace
//     calls and their flags), credentials.go, tracer.go and modules.go
//     (where a value comes from, across helpers and .pqm modules; rules
//     classify the leaves of tracer.walkLeaves), docmeta.go and follower.go
//     (documentation metadata and records built in steps), naming.go,
//     resxkeys.go, resxreport.go, conflict.go (merge-conflict markers);
//   - naming_export.go: PQ013's and PQ014's name tests exported for tools
//     that must agree with them before any M exists (scaffold-connector),
//     like IconSizes in pq017_missing_icons.go;
//   - resxexample.go: the small connectors and resources files that the
//     resx rules' examples are built from.
package checks
