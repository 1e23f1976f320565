#!/usr/bin/env bash
# Compares two revisions of jconvnet with `jconvnet bench`, alternating them round by round, so that
# a shared host's drift (on this project's 2-core machines the same build trained layers-18pct at
# 556 to 872 images/s on one day) falls on both sides instead of on whichever ran second:
#
#   scripts/bench-ab.sh REV_A REV_B [bench options...]
#
# e.g. scripts/bench-ab.sh main~1 main --backend cpu-blas --layer-def layers-18pct --minibatches 20
#
# Each revision is checked out into target/bench-ab/<name>/ (git worktree) and built there once
# (mvn -o package -pl cli -am -DskipTests); a later call reuses a build whose commit has not
# changed. Then ROUNDS rounds (default 4) each run A's bench and B's bench once, in that order, with
# the options given (default: --layer-def layers-18pct --minibatches 20 --repeats 3 --warmup 5).
# Every result row is printed as it comes and written to target/bench-ab/runs.txt (each bench's own
# output in bench-<A|B>-<round>.out and .err beside it); at the end, per
# backend and net, the median over the rounds of each side's training and forward medians and the
# ratio B / A. Run it on an otherwise idle machine. The checkouts stay registered as git worktrees
# for reuse; `rm -rf target/bench-ab && git worktree prune` removes them.
#
# Environment: ROUNDS (4), MVN (mvn), JAVA (java), OUT (target/bench-ab).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
if [[ $# -lt 2 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
REV_A="$1" REV_B="$2"
shift 2
ROUNDS="${ROUNDS:-4}"
MVN="${MVN:-mvn}"
JAVA="${JAVA:-java}"
# As the jconvnet launcher does: cpu-blas's oneDNN (OpenMP) threads sleep between primitives.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
OUT="${OUT:-$ROOT/target/bench-ab}"
if [[ $# -eq 0 ]]; then
  set -- --layer-def layers-18pct --minibatches 20 --repeats 3 --warmup 5
fi
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-ab.sh: ROUNDS must be a positive number, got '$ROUNDS'" >&2; exit 2; }
mkdir -p "$OUT"

# Checks out and builds one revision; prints the directory of its build.
build() {
  local rev="$1" commit dir
  commit="$(git -C "$ROOT" rev-parse --verify --quiet "$rev^{commit}")" \
    || { echo "bench-ab.sh: '$rev' is not a revision of $ROOT" >&2; exit 2; }
  dir="$OUT/${commit:0:12}"
  if [[ ! -f "$dir/.built" ]]; then
    rm -rf "$dir"
    git -C "$ROOT" worktree prune
    git -C "$ROOT" worktree add --detach --force "$dir" "$commit" >/dev/null 2>&1 \
      || { echo "bench-ab.sh: cannot check out $rev into $dir" >&2; exit 1; }
    echo "bench-ab: building $rev ($commit) in $dir (log $dir.build.log)" >&2
    (cd "$dir" && "$MVN" -B -q -o package -pl cli -am -DskipTests -Dmaven.javadoc.skip=true) >"$dir.build.log" 2>&1 \
      || { echo "bench-ab.sh: the build of $rev failed; see $dir.build.log" >&2; exit 1; }
    touch "$dir/.built"
  fi
  echo "$dir"
}

DIR_A="$(build "$REV_A")"
DIR_B="$(build "$REV_B")"
RUNS="$OUT/runs.txt"
{
  echo "# bench-ab $(date -u +%Y-%m-%dT%H:%M:%SZ): A=$REV_A ($(basename "$DIR_A")) B=$REV_B ($(basename "$DIR_B"))"
  echo "# bench $*; $ROUNDS rounds, A then B in each"
} | tee "$RUNS"

# One bench of one side: its table rows (backend, net, training and forward medians) as
# "SIDE ROUND BACKEND NET TRAIN FORWARD". A bench that fails stops the comparison with its
# stderr, rather than leaving a round out of the medians unnoticed.
bench() {
  local side="$1" dir="$2" round="$3" log="$OUT/bench-$1-$3"
  shift 3
  if ! "$JAVA" -cp "$dir/cli/target/classes:$dir/cli/target/lib/*" -Djconvnet.home="$dir" org.jconvnet.cli.Main \
    bench "$@" >"$log.out" 2>"$log.err"; then
    echo "bench-ab.sh: the bench of $side ($dir) failed in round $round; the end of $log.err:" >&2
    tail -n 20 "$log.err" >&2
    exit 1
  fi
  awk -v s="$side" -v r="$round" '
    $2 ~ /\.cfg$/ && $4 ~ /^[0-9.]+$/ { net = $2; sub(/\.cfg$/, "", net); print s, r, $1, net, $4, $6 }' "$log.out"
}

for round in $(seq "$ROUNDS"); do
  bench A "$DIR_A" "$round" "$@" | tee -a "$RUNS"
  bench B "$DIR_B" "$round" "$@" | tee -a "$RUNS"
done

echo
awk '
  /^#/ { next }
  { key = $3 " " $4; keys[key] = 1; n[$1, key]++; train[$1, key, n[$1, key]] = $5; fwd[$1, key, n[$1, key]] = $6 }
  function median(arr, side, key, count,    v, i, j, t) {
    for (i = 1; i <= count; i++) v[i] = arr[side, key, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
  }
  END {
    printf "%-10s %-28s %10s %10s %8s %10s %10s %8s\n", "BACKEND", "NET", "TRAIN A", "TRAIN B", "B/A", "FWD A", "FWD B", "B/A"
    for (key in keys) {
      if (!n["A", key] || !n["B", key]) continue
      ta = median(train, "A", key, n["A", key]); tb = median(train, "B", key, n["B", key])
      fa = median(fwd, "A", key, n["A", key]); fb = median(fwd, "B", key, n["B", key])
      split(key, k, " ")
      printf "%-10s %-28s %10.1f %10.1f %8.3f %10.1f %10.1f %8.3f\n", k[1], k[2], ta, tb, tb / ta, fa, fb, fb / fa
    }
    print "images/s: medians over the rounds of each bench run'"'"'s medians; B/A above 1 means B is faster"
  }' "$RUNS" | tee -a "$RUNS"
