#!/usr/bin/env bash
# Re-runs the CPU comparison of jconvnet with PyTorch in one go and prints them side by side:
#   1. builds jconvnet (mvn -o package, tests skipped) and the peer in bench/pytorch-djl (PyTorch 2.7.1's
#      CPU engine through DJL; first build online, offline afterwards)
#   2. jconvnet bench --json       on the seed net and layers-18pct, every backend that is available here
#   3. the PyTorch peer, --json    the same nets, minibatch, minibatches, warm-up and repeats
#   4. the table: per net and backend, training and forward images/s (medians), PyTorch's, the ratios
# Both JSON files and the logs go to $OUT_DIR (default <repo>/target/bench-vs-pytorch). Quote the ratios of one
# run of this script only, on an otherwise idle machine. With ROUNDS=R (R > 1), steps 2 and 3 run R times,
# alternating, into round-<r>/ folders, and the table ends with the median over the rounds of each ratio (taken
# within a round, so a host whose speed drifts moves both sides alike; this project's 2-core hosts drift by up to
# a third within minutes).
#
# Usage: scripts/bench-vs-pytorch.sh [--no-build]
# Environment: BACKENDS (default: every available backend, from `jconvnet backends`), NETS (default
#   layers-conv-local-11pct,layers-18pct), MINI (128), MINIBATCHES (5), WARMUP (2), REPEATS (5), ROUNDS (1), OUT_DIR, MVN (mvn),
#   JAVA (java), JCONVNET_JAVA_OPTS (extra JVM options for jconvnet).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEER=$ROOT/bench/pytorch-djl
OUT_DIR=${OUT_DIR:-$ROOT/target/bench-vs-pytorch}
MVN=${MVN:-mvn}
JAVA=${JAVA:-java}
NETS=${NETS:-layers-conv-local-11pct,layers-18pct}
MINI=${MINI:-128}
MINIBATCHES=${MINIBATCHES:-5}
WARMUP=${WARMUP:-2}
REPEATS=${REPEATS:-5}
ROUNDS=${ROUNDS:-1}
BUILD=1
for a in "$@"; do
  case "$a" in
    --no-build) BUILD=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench-vs-pytorch.sh: unknown argument '$a' (try --help)" >&2; exit 2 ;;
  esac
done
say() { echo "bench-vs-pytorch: $*"; }
mkdir -p "$OUT_DIR"

if [ $BUILD = 1 ]; then
  say "building jconvnet (mvn -o package -DskipTests; log $OUT_DIR/build.log)"
  (cd "$ROOT" && "$MVN" -B -q -o -pl cli -am package -DskipTests) > "$OUT_DIR/build.log" 2>&1 \
    || { echo "bench-vs-pytorch.sh: the jconvnet build failed, see $OUT_DIR/build.log" >&2; exit 1; }
  say "building the PyTorch peer (bench/pytorch-djl; online only the first time, to fetch DJL and libtorch)"
  if ! "$MVN" -B -q -o -f "$PEER/pom.xml" package >> "$OUT_DIR/build.log" 2>&1; then
    "$MVN" -B -q -f "$PEER/pom.xml" package >> "$OUT_DIR/build.log" 2>&1 \
      || { echo "bench-vs-pytorch.sh: the peer build failed, see $OUT_DIR/build.log" >&2; exit 1; }
  fi
fi
[ -d "$ROOT/cli/target/lib" ] && [ -d "$PEER/target/lib" ] \
  || { echo "bench-vs-pytorch.sh: missing builds (cli/target/lib, bench/pytorch-djl/target/lib); run without --no-build" >&2; exit 2; }

# Signal chaining for PoCL's LLVM (see the root pom's surefire set-up) and PoCL's kernel cache inside target/.
JSIG=$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")/lib/libjsig.so
# OMP_WAIT_POLICY as the jconvnet launcher sets it (cpu-blas's oneDNN threads sleep between
# primitives); for jconvnet only: PyTorch runs with its own defaults.
JCONVNET=(env POCL_CACHE_DIR="$ROOT/target/pocl-cache" OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}")
[ -f "$JSIG" ] && JCONVNET+=(LD_PRELOAD="$JSIG")
JCONVNET+=("$JAVA")
# shellcheck disable=SC2206 # word splitting of the extra options is intended
[ -n "${JCONVNET_JAVA_OPTS:-}" ] && JCONVNET+=(${JCONVNET_JAVA_OPTS})
JCONVNET+=(-cp "$ROOT/cli/target/classes:$ROOT/cli/target/lib/*" org.jconvnet.cli.Main)

if [ -z "${BACKENDS:-}" ]; then
  BACKENDS=$("${JCONVNET[@]}" backends 2>/dev/null | awk '$3 == "available" { printf "%s%s", sep, $1; sep = "," }')
  [ -n "$BACKENDS" ] || BACKENDS=cpu
fi
COMMON=(--mini "$MINI" --minibatches "$MINIBATCHES" --warmup "$WARMUP" --repeats "$REPEATS")

# One round: jconvnet's bench, then the PyTorch peer, into folder $1.
round() {
  local dir=$1
  mkdir -p "$dir"
  say "jconvnet bench --backend $BACKENDS --layer-def $NETS ${COMMON[*]}"
  "${JCONVNET[@]}" bench --backend "$BACKENDS" --layer-def "$NETS" "${COMMON[@]}" --json "$dir/jconvnet.json" \
    2>&1 | tee "$dir/jconvnet.log"
  # DJL never downloads here (ai.djl.offline): it loads the libtorch of the pytorch-native-cpu jar, extracted once
  # into the cache folder below.
  say "PyTorch peer: --nets $NETS ${COMMON[*]}"
  DJL_CACHE_DIR=${DJL_CACHE_DIR:-$PEER/target/djl-cache} ENGINE_CACHE_DIR=${ENGINE_CACHE_DIR:-$PEER/target/djl-cache} \
    "$JAVA" -cp "$PEER/target/classes:$PEER/target/lib/*" org.jconvnet.peer.djl.PeerBench --nets "$NETS" "${COMMON[@]}" \
    --json "$dir/pytorch.json" 2>&1 | grep -v '^\[main\] \(INFO\|WARN\)' | tee "$dir/pytorch.log"
}

pairs=()
if [ "$ROUNDS" -le 1 ]; then
  round "$OUT_DIR"
  pairs=("$OUT_DIR/jconvnet.json" "$OUT_DIR/pytorch.json")
else
  for r in $(seq 1 "$ROUNDS"); do
    say "round $r of $ROUNDS"
    round "$OUT_DIR/round-$r"
    pairs+=("$OUT_DIR/round-$r/jconvnet.json" "$OUT_DIR/round-$r/pytorch.json")
  done
fi

echo
"$JAVA" -cp "$PEER/target/classes:$PEER/target/lib/*" org.jconvnet.peer.djl.Compare "${pairs[@]}" \
  | tee "$OUT_DIR/comparison.txt"
say "wrote the JSON files, logs and comparison.txt under $OUT_DIR"
