#!/usr/bin/env bash
# Checks jconvnet's CUDA backend on a GPU machine, from the bundle built by scripts/gpu-bundle.sh
# (no Maven, no JDK, no internet needed): unpacks the bundled Java runtime to /tmp, then runs
#   1. nvidia-smi -L
#   2. jconvnet backends                          (cuda must be available)
#   3. jconvnet conformance --require cuda        (report written to the output folder)
#   4. jconvnet bench --backend cpu,cuda          (seed and 18pct nets: images/s, ratio to cpu, per-layer profile;
#                                                  JSON in the output folder)
#   5. PyTorch on the same card, right after:     python3 pytorch/bench_pytorch.py (the same two nets, fp32, same
#                                                  minibatch; its defaults and TF32 off), printed beside jconvnet
#                                                  (skipped when python3 has no torch)
#   6. jconvnet train --backend cuda              (a short run on the bundled CIFAR-10 subset)
#   7. memory: a net too big for the GPU must fail with an error naming the layer, the tensor and
#      the free device memory (cuda only: on a CPU device it would exhaust the host instead)
# and exits non-zero if any step fails. Logs and reports go to $GPU_CHECK_OUT, else $OUT (the device
# tool's output folder), else /tmp/jconvnet-gpu-check.
#
# Usage: bash dist/gpu/gpu-check.sh [--expect-unavailable] [--only STEP[,STEP]]
#   --expect-unavailable   for machines WITHOUT an NVIDIA driver (CI): proves the bundle starts without
#                          Maven and that cuda reports itself unavailable with the libcuda reason.
#   --only backends,bench  run a subset of the steps (nvidia-smi, backends, conformance, bench, pytorch, train, memory).
# Time limits per step (seconds): CONFORMANCE_TIMEOUT (300), BENCH_TIMEOUT (150, each net), PYTORCH_TIMEOUT (240),
# TRAIN_TIMEOUT (200); BENCH_MINIBATCHES (10) timed minibatches per repeat, BENCH_REPEATS (3) repeats, for jconvnet
# and PyTorch alike. PYTHON (default python3): the Python that has torch.
# JCONVNET_JAVA_OPTS: extra JVM options for every jconvnet step, e.g. -Djconvnet.cuda.conv-kernels=blocked.
# BENCH_BACKENDS (default cpu,<backend>): what the bench steps compare.
# GPU_CHECK_BACKEND (default cuda) runs the same steps on another backend, to test this script without a GPU,
# e.g. GPU_CHECK_BACKEND=opencl bash dist/gpu/gpu-check.sh --only backends,conformance,bench,train
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -d "$HERE/lib" ] && [ -f "$HERE/jre.tar.gz" ]; then B=$HERE; else B=$(cd "$HERE/.." && pwd)/dist/gpu; fi
EXPECT_UNAVAILABLE=0
ONLY=nvidia-smi,backends,conformance,bench,pytorch,train,memory
while [ $# -gt 0 ]; do
  case "$1" in
    --expect-unavailable) EXPECT_UNAVAILABLE=1; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "gpu-check.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ -f "$B/jre.tar.gz" ] && [ -d "$B/lib" ] || {
  echo "gpu-check.sh: no bundle at $B (expected jre.tar.gz and lib/); build it with scripts/gpu-bundle.sh" >&2; exit 2; }
LOGS=${GPU_CHECK_OUT:-${OUT:-/tmp/jconvnet-gpu-check}}
mkdir -p "$LOGS"
DATA="$B/data/cifar-10-batches-bin"
BK=${GPU_CHECK_BACKEND:-cuda}
wants() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# The bundled runtime, unpacked once per bundle content into /tmp (the bundle folder may be read-only).
JRE_KEY=$(cksum < "$B/jre.tar.gz" | cut -d' ' -f1)
JRE_DIR=/tmp/jconvnet-jre-$JRE_KEY
if [ ! -x "$JRE_DIR/jre/bin/java" ]; then
  rm -rf "$JRE_DIR.tmp" && mkdir -p "$JRE_DIR.tmp" && tar -xzf "$B/jre.tar.gz" -C "$JRE_DIR.tmp" && rm -rf "$JRE_DIR" && mv "$JRE_DIR.tmp" "$JRE_DIR" \
    || { echo "gpu-check.sh: cannot unpack $B/jre.tar.gz into /tmp" >&2; exit 2; }
fi
JAVA="$JRE_DIR/jre/bin/java"
# Signal chaining: native libraries that install their own SIGSEGV handler (LLVM inside PoCL, some
# drivers) otherwise kill the JVM at random with exit 139; libjsig is the JDK's fix.
[ -f "$JRE_DIR/jre/lib/libjsig.so" ] && export LD_PRELOAD="$JRE_DIR/jre/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}"
JAVA_OPTS=(-Djava.io.tmpdir=/tmp -XX:+UseParallelGC)
"$JAVA" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1 && JAVA_OPTS+=(--enable-native-access=ALL-UNNAMED)
# Guava (via Guice) uses sun.misc.Unsafe; Java 24+ warns about it on every start unless allowed.
"$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
# shellcheck disable=SC2206 # word splitting of the extra options is intended
[ -n "${JCONVNET_JAVA_OPTS:-}" ] && JAVA_OPTS+=(${JCONVNET_JAVA_OPTS})
echo "== java: $("$JAVA" -version 2>&1 | head -1) from $JRE_DIR; bundle $B"
[ -n "${JCONVNET_JAVA_OPTS:-}" ] && echo "== extra JVM options: ${JCONVNET_JAVA_OPTS}"
[ -f "$B/BUNDLE.txt" ] && sed -n '2,4p' "$B/BUNDLE.txt"

# "jconvnet" in a step: the CLI from the bundled jars, with a clean environment (no CLASSPATH/JAVA_HOME leaks in).
JCONVNET=(env -u CLASSPATH -u JAVA_HOME -u JAVA_TOOL_OPTIONS "$JAVA" "${JAVA_OPTS[@]}" -cp "$B/lib/*" org.jconvnet.cli.Main)

FAILED=()
PASSED=()
RC=0
SECS=0
# run_logged NAME TIMEOUT HEADER CMD...: prints the header, runs CMD ("jconvnet ..." runs the bundled
# CLI) under the time limit, logs to $LOGS/NAME.log; sets RC (its exit status) and SECS (its duration).
run_logged() {
  local name=$1 limit=$2 header=$3; shift 3
  echo
  echo "== $header: $*"
  if [ "$1" = jconvnet ]; then shift; set -- "${JCONVNET[@]}" "$@"; fi
  local t0=$SECONDS
  timeout --kill-after=10 "$limit" "$@" 2>&1 | tee "$LOGS/$name.log"
  RC=${PIPESTATUS[0]}
  SECS=$((SECONDS - t0))
  [ "$RC" = 124 ] && echo "== $name: timed out after $limit s"
}

# step NAME TIMEOUT CMD...: one step that must succeed; records the outcome and returns its status.
step() {
  local name=$1 limit=$2; shift 2
  run_logged "$name" "$limit" "$name" "$@"
  if [ "$RC" = 0 ]; then PASSED+=("$name ($SECS s)"); else FAILED+=("$name (exit $RC, $SECS s)"); fi
  return "$RC"
}

# expect_failure NAME TIMEOUT PATTERN CMD...: a step that must exit non-zero (not by timing out) with
# PATTERN (grep -E) in its output.
expect_failure() {
  local name=$1 limit=$2 pattern=$3; shift 3
  run_logged "$name" "$limit" "$name (must fail)" "$@"
  if [ "$RC" != 0 ] && [ "$RC" != 124 ] && [ "$RC" != 137 ] && grep -Eq "$pattern" "$LOGS/$name.log"; then
    PASSED+=("$name (failed as expected, exit $RC, $SECS s)")
  else
    echo "== FAIL: $name should fail with /$pattern/ (exit $RC)"
    FAILED+=("$name (exit $RC, $SECS s)")
  fi
}

if [ $EXPECT_UNAVAILABLE = 1 ]; then
  # CI mode: no NVIDIA driver here. The bundle must start on its own and say why cuda is unavailable.
  if step backends 120 jconvnet backends; then
    if awk '$1 == "cuda" && $3 == "unavailable" && /libcuda\.so\.1 not found/ { ok = 1 } END { exit !ok }' "$LOGS/backends.log"; then
      echo "== OK: cuda is unavailable with the libcuda reason, as expected"
    else
      echo "== FAIL: expected a 'cuda ... unavailable ... libcuda.so.1 not found' row"; FAILED+=("expect-unavailable")
    fi
  fi
else
  if wants nvidia-smi; then step nvidia-smi 60 nvidia-smi -L; fi
  if wants backends; then
    if step backends 120 jconvnet backends && ! awk -v bk="$BK" '$1 == bk && $3 == "available" { ok = 1 } END { exit !ok }' "$LOGS/backends.log"; then
      echo "== FAIL: $BK is not available"; FAILED+=("$BK-available")
    fi
  fi
  if wants conformance; then
    # The CPU reference's own checks (gradient checks, golden cases) run in CI; here only $BK is compared.
    step conformance "${CONFORMANCE_TIMEOUT:-300}" jconvnet conformance --backend "$BK" --require "$BK" \
        --no-reference-checks --report "$LOGS/conformance-report.json"
  fi
  if wants bench; then
    # Throughput of the seed net and of the 18pct net, as ratios to the CPU reference measured in the same run.
    if [ -z "${BENCH_BACKENDS:-}" ]; then BENCH_BACKENDS=cpu,$BK; [ "$BK" = cpu ] && BENCH_BACKENDS=cpu; fi
    step bench "${BENCH_TIMEOUT:-150}" jconvnet bench --backend "$BENCH_BACKENDS" \
        --minibatches "${BENCH_MINIBATCHES:-10}" --warmup 2 --repeats "${BENCH_REPEATS:-3}" --profile \
        --json "$LOGS/bench-seed.json"
    step bench-18pct "${BENCH_TIMEOUT:-150}" jconvnet bench --backend "$BENCH_BACKENDS" --layer-def layers-18pct.cfg \
        --minibatches "${BENCH_MINIBATCHES:-10}" --warmup 2 --repeats "${BENCH_REPEATS:-3}" --profile \
        --json "$LOGS/bench-18pct.json"
  fi
  if wants pytorch; then
    # PyTorch on the same device right after jconvnet, the same nets and minibatch, with its defaults (TF32
    # convolutions allowed) and with TF32 off; printed beside jconvnet's results of the bench step.
    PY=${PYTHON:-python3}
    if [ ! -f "$B/pytorch/bench_pytorch.py" ]; then
      echo "== FAIL: the bundle has no pytorch/bench_pytorch.py"; FAILED+=("pytorch-script")
    elif ! "$PY" -c 'import torch' >/dev/null 2>&1; then
      echo; echo "== pytorch: skipped, $PY has no torch"
    else
      OURS=$(for f in "$LOGS/bench-seed.json" "$LOGS/bench-18pct.json"; do [ -f "$f" ] && printf '%s,' "$f"; done)
      DEVICE=cpu; [ "$BK" = cuda ] && DEVICE=cuda
      step pytorch "${PYTORCH_TIMEOUT:-240}" env PYTHONUNBUFFERED=1 "$PY" "$B/pytorch/bench_pytorch.py" --device "$DEVICE" \
          --minibatches "${BENCH_MINIBATCHES:-10}" --warmup 2 --repeats "${BENCH_REPEATS:-3}" \
          --json "$LOGS/pytorch.json" ${OURS:+--compare "${OURS%,}"}
    fi
  fi
  if wants train; then
    if [ -f "$DATA/data_batch_1.bin.gz" ]; then
      # The seed net on the bundled subset: batch 1 (training) and test_batch (6), tested after every pass.
      if step train "${TRAIN_TIMEOUT:-200}" jconvnet train --backend "$BK" --data-path "$DATA" --train-range 1 \
          --test-range 6 --epochs 1 --test-freq 1 --seed 1 --save-path "$LOGS/checkpoints" --save-name gpu-check; then
        # Training must make progress: the last test logprob below the first.
        if ! awk '/test on batch/ { for (i = 1; i <= NF; i++) if ($i == "logprob:") v = $(i + 1) + 0;
                                    if (n++ == 0) first = v; last = v }
                  END { if (n < 2) { print "== train: fewer than two test results"; exit 1 }
                        printf "== train: test logprob %.6f -> %.6f\n", first, last; exit !(last < first) }' "$LOGS/train.log"; then
          echo "== FAIL: the test logprob did not go down"; FAILED+=("train-progress")
        fi
      fi
    else
      echo "== train: skipped, the bundle has no CIFAR-10 subset ($DATA)"
    fi
  fi
  if wants memory; then
    if [ "$BK" = cuda ]; then
      # Ten 65536-row activations (and their gradients) of 32000 cases: 185 GB, more than any one GPU here.
      NET_DIR="$LOGS/too-big-net"; mkdir -p "$NET_DIR"
      { printf '[data]\ntype=data\ndataIdx=0\n\n[labels]\ntype=data\ndataIdx=1\n\n'
        printf '[conv1]\ntype=conv\ninputs=data\nchannels=3\nfilters=64\npadding=2\nstride=1\nfilterSize=5\ninitW=0.0001\nsharedBiases=1\n\n'
        prev=conv1
        for i in 1 2 3 4 5 6 7 8 9 10; do printf '[n%s]\ntype=neuron\ninputs=%s\nneuron=relu\n\n' "$i" "$prev"; prev=n$i; done
        printf '[fc10]\ntype=fc\ninputs=%s\noutputs=10\ninitW=0.01\n\n[probs]\ntype=softmax\ninputs=fc10\n\n' "$prev"
        printf '[logprob]\ntype=cost.logreg\ninputs=labels,probs\n'; } > "$NET_DIR/layers-too-big.cfg"
      printf '[conv1]\nepsW=0.001\nepsB=0.002\nmomW=0.9\nmomB=0.9\nwc=0\n\n[fc10]\nepsW=0.001\nepsB=0.002\nmomW=0.9\nmomB=0.9\nwc=0\n\n[logprob]\ncoeff=1\n' \
          > "$NET_DIR/layer-params-too-big.cfg"
      # Must fail (not time out), with the layer, the tensor and the free device memory in the error.
      expect_failure memory "${MEMORY_TIMEOUT:-120}" "cannot allocate the .* of layer '.*device memory free" \
          jconvnet bench --backend "$BK" --layer-def "$NET_DIR/layers-too-big.cfg" --mini 32000 --minibatches 1 --warmup 0
    else
      echo "== memory: skipped on $BK (only run on cuda: a CPU device would exhaust the host)"
    fi
  fi
fi

echo
echo "== summary (logs in $LOGS)"
for p in ${PASSED[@]+"${PASSED[@]}"}; do echo "   passed: $p"; done
for f in ${FAILED[@]+"${FAILED[@]}"}; do echo "   FAILED: $f"; done
[ ${#FAILED[@]} = 0 ]
