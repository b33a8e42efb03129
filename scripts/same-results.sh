#!/bin/bash
# Checks that two builds of scalelab simulate identically: every bundled
# example (and any extra designs given) for 20 simulated seconds after the
# 5 s warm-up, JSON results compared with the wall-clock time left out.
# For engine work meant to change speed and nothing else.
#
#   scripts/same-results.sh OLD_SCALELAB NEW_SCALELAB [EXTRA.scalelab...]
#
# Exit status 0 when all results match, 1 when one differs (its diff is shown).
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 OLD_SCALELAB NEW_SCALELAB [EXTRA.scalelab...]" >&2
    exit 2
fi
old=$1 new=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0 count=0
for design in "$here"/resources/examples/*.scalelab "$@"; do
    for side in old new; do
        binary=$old
        [ $side = new ] && binary=$new
        "$binary" run "$design" --duration 20s --json --quiet 2>&1 | grep -v '"wall_seconds"' > "$work/$side.json"
    done
    count=$((count + 1))
    if ! diff -q "$work/old.json" "$work/new.json" > /dev/null; then
        echo "DIFFERENT: $design"
        diff "$work/old.json" "$work/new.json" | head -20
        status=1
    fi
done
[ $status = 0 ] && echo "same results for all $count designs"
exit $status
