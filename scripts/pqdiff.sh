#!/usr/bin/env bash
# pqdiff.sh FOLDER — compare our parser with the reference parser (pqref)
# on every .pq/.pqm file below FOLDER and print each disagreement in
# ok, kind, sectionName, literalAttributes and members.
#
# Needs node and a set-up pqref (../shared/tools/pqref, or PQREF=dir),
# and `pqcert parse --json`. Exit status: 0 when nothing differs, 1 when
# something does, 2 on a usage or setup error.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 FOLDER" >&2
    exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
folder=$(cd "$1" && pwd)
pqref=${PQREF:-$repo/../shared/tools/pqref}
if [ ! -d "$pqref/node_modules" ] && [ -d /tmp/pqref/node_modules ]; then
    pqref=/tmp/pqref
fi
if ! command -v node >/dev/null || [ ! -d "$pqref/node_modules" ]; then
    echo "pqdiff: node or $pqref/node_modules missing (run setup.sh there)" >&2
    exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$folder" -type f \( -name '*.pq' -o -name '*.pqm' \) | sort > "$tmp/files"
if [ ! -s "$tmp/files" ]; then
    echo "pqdiff: no .pq or .pqm files in $folder" >&2
    exit 2
fi

(cd "$pqref" && node pqref.js --no-summary --stdin < "$tmp/files" > "$tmp/ref.jsonl") || true
# Build once and run the binary: `go run` under xargs would add an
# "exit status 1" line for every batch with a failing file.
if ! (cd "$repo" && go build -o "$tmp/pqcert" ./cmd/pqcert); then
    echo "pqdiff: cannot build pqcert" >&2
    exit 2
fi
xargs -d '\n' "$tmp/pqcert" parse --json -- < "$tmp/files" > "$tmp/ours.jsonl" || true

node - "$tmp/ref.jsonl" "$tmp/ours.jsonl" <<'JS'
const fs = require("fs");
const read = (f) => new Map(fs.readFileSync(f, "utf8").split("\n").filter(Boolean)
    .map((l) => JSON.parse(l)).map((r) => [r.file, r]));
const ref = read(process.argv[2]), ours = read(process.argv[3]);
const keys = ["ok", "kind", "sectionName", "literalAttributes", "members"];
const norm = (v) => JSON.stringify(v, (k, x) => (x && typeof x === "object" && !Array.isArray(x))
    ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x);
let diffs = 0;
for (const [file, r] of ref) {
    const o = ours.get(file);
    if (!o) { console.log(`${file}: no record from pqcert`); diffs++; continue; }
    for (const k of keys) {
        if (k !== "ok" && (!r.ok || !o.ok)) continue;
        if (norm(r[k] ?? null) !== norm(o[k] ?? null)) {
            diffs++;
            console.log(`${file}: ${k}: ours ${norm(o[k] ?? null)} ref ${norm(r[k] ?? null)}` +
                (r.ok ? "" : ` (ref error ${r.line}:${r.column} ${r.error})`) +
                (o.ok ? "" : ` (our error ${o.line}:${o.column} ${o.error})`));
        }
    }
}
console.log(`pqdiff: ${ref.size} files, ${diffs} disagreements`);
process.exit(diffs ? 1 : 0);
JS
