// Package hooks is the runner that every pqcert command shares: flags,
// choosing what to read (the staged change, two refs, every connector, or
// paths on disk), running the rules, reporting, and the exit code. Each
// cmd/NAME/main.go calls Main with its name.
//
// The files, by job:
//
//   - main.go, exit.go, version.go: Main and the urfave/cli application of
//     each command name, the exit codes (0 clean, 1 findings, 2 failure)
//     and the version;
//   - commands.go, check.go, args.go: the check commands (one commandSpec
//     each, one hook each), their flags and help, runCheck, and flags
//     written after paths;
//   - input.go: what a check reads (mode, input, readInput): the staged
//     change, two refs, or a pushed branch whole; unmerged paths refused;
//     the working tree for --fix when nothing is staged;
//   - paths.go: connectors named by path arguments (folders, files, .mez
//     packages) and how their paths are shown;
//   - load.go: the connectors to check (targets) and loading them in
//     parallel;
//   - notes.go: the notes on folders not checked (several section
//     documents);
//   - fix.go: --fix, raising a version in the working tree;
//   - failure_output.go: the json or sarif document of a failed run;
//   - pqcert.go and the subcommands of the pqcert umbrella: changes.go,
//     parse.go and outline.go, docs.go (explain, rules and the generated
//     docs), scaffold_cmd.go, package_cmd.go, demo_cmd.go, installhooks.go
//     with gitscripts.go (the plain git hooks in git/, embedded).
package hooks
