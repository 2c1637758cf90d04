#!/usr/bin/env bash
# Runs every ready plan's quick form and writes its report into results/PLAN/ and study-*.md here: the files
# under experiments/ that show results are made by this script, never typed by hand.
#   experiments/regenerate.sh [PLAN...]      (default: every plan in experiments/plans/)
# C's plans run with --allow-oversubscribe: every cell of theirs needs 3 to 8 cores; F's too, for its 4-rank cells.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
runs="${SCALELAB_STUDY_RUNS:-$(mktemp -d)}"
plans=("$@")
[ ${#plans[@]} -gt 0 ] || plans=(experiments/plans/*.json)
# The ranks of one study keep the one-minute load average up for a minute after they end: wait (up to three minutes)
# until it is below half the cores, so that a study neither starts in the last one's tail nor reports its load.
settle() {
    local waited=0
    while awk -v load="$(cut -d' ' -f1 /proc/loadavg)" -v cores="$(nproc)" 'BEGIN { exit !(load >= cores / 2) }' \
        && [ "$waited" -lt 180 ]; do
        sleep 10
        waited=$((waited + 10))
    done
}
for plan in "${plans[@]}"; do
    name="$(basename "$plan" .json)"
    extra=()
    case "$name" in study-c-*|study-f-*) extra=(--allow-oversubscribe) ;; esac
    settle
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "== $name ($(date -u +%H:%M), load $load)" >&2
    result="$(./scalelab study run "$plan" --quick "${extra[@]}" --json --runs-dir "$runs" | tail -n 1)"
    id="$(printf '%s' "$result" | sed -E 's/.*"studyId":"([^"]+)".*/\1/')"
    rm -rf "experiments/results/$name"
    ./scalelab study report "$id" --out "experiments/results/$name" --formats md,csv,svg --runs-dir "$runs" >/dev/null
    {
        sed -E "s#\]\(([a-z-]+)\.png\)#](results/$name/\1.svg)#" "experiments/results/$name/study.md"
        printf '\nMachine: %s, %s logical cores; load average %s when the study started (shared VM: compare rows of one table only).\n' \
            "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" "$(nproc)" "$load"
        if awk -v load="${load%% *}" -v cores="$(nproc)" 'BEGIN { exit !(load > cores) }'; then
            printf '\nIts timings were taken under load: more runnable threads than cores (other work ran beside the study), so they say more about the shape of the results than about this machine.\n'
        fi
    } > "experiments/$name.md"
    rm "experiments/results/$name/study.md"
done
