#!/bin/sh
# Runs Percona's pt-variable-advisor and mysql-advisor on each SHOW GLOBAL VARIABLES dump under
# tests/fixtures/comparison/ and prints both, for docs/COMPARISON.md.
#
#   scripts/compare-pt-variable-advisor.sh [DUMP...]
#
# pt-variable-advisor comes with Debian's percona-toolkit (apt-get install percona-toolkit);
# where it is missing its side is skipped with a note. Run from the repository's root.
set -eu
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
    set -- tests/fixtures/comparison/*.tsv
fi
have_pt=yes
if ! command -v pt-variable-advisor >/dev/null 2>&1; then
    have_pt=no
    echo "note: pt-variable-advisor not found (apt-get install percona-toolkit); showing mysql-advisor only" >&2
fi
cargo build -q -p mysql-advisor
for dump in "$@"; do
    echo "=== $dump"
    echo "--- pt-variable-advisor --source-of-variables $dump"
    if [ "$have_pt" = yes ]; then
        pt-variable-advisor --source-of-variables "$dump" | grep -v '^$' || true
    else
        echo "(skipped: pt-variable-advisor is not installed)"
    fi
    echo "--- mysql-advisor check --format json $dump (replica verdict and findings)"
    # exit code 1 means findings: not an error here
    cargo run -q -p mysql-advisor -- check --format json "$dump" > "${TMPDIR:-/tmp}/compare-$$.json" || true
    python3 - "${TMPDIR:-/tmp}/compare-$$.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
note = r["verdict_notes"]["replica_crash_safe"]
print(f"replica_crash_safe: {r['verdicts']['replica_crash_safe']} — {note['summary']}")
for f in r["findings"]:
    print(f"# {f['severity'].upper()} {f['rule']}: {f['title']}")
PY
    rm -f "${TMPDIR:-/tmp}/compare-$$.json"
done
