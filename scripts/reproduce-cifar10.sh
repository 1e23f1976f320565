#!/usr/bin/env bash
# Reproduces one row of cuda-convnet's CIFAR-10 table (docs/results.md):
#
#   scripts/reproduce-cifar10.sh 18pct|13pct|11pct
#
# runs the row's training command (the whole learning-rate schedule in one run, --lr-schedule),
# copies the final checkpoint and the metrics into docs/results/<row>/, then runs `jconvnet test`
# on that copy and `jconvnet show` to PNGs there. Each command's stdout goes to <step>-output.txt
# beside them; the wall time of each step is printed and written, with the commands and the
# machine, to docs/results/<row>/run-info.txt.
#
# Environment (every default is the row's documented command):
#   DATA       the CIFAR-10 binary batches directory (default: where `jconvnet data download` puts
#              it, ${JCONVNET_CACHE:-~/.cache/jconvnet}/cifar-10-batches-bin)
#   BACKEND    backend id (default cpu-blas, the fastest trainer on the 2-core machine kind as measured
#              2026-12-07 and needing only Maven; `jconvnet bench` says which is fastest on yours)
#   EPOCHS     the last epoch (18pct: 130; 13pct and 11pct: required, from the time budget)
#   SCHEDULE   the --lr-schedule; default: 18pct /10 for the last 10 epochs and /100 after them
#              (120:0.1,130:0.01), 13pct and 11pct /10 and /100 for the last 10 epochs each
#   TRAIN_RANGE (1-5), TEST_RANGE (6), TEST_FREQ (10), SEED (1), MINI (128)
#              a short trial: EPOCHS=1 SCHEDULE=none TRAIN_RANGE=1
#   SAVE_PATH  where the run directory is created (default runs/cifar10 in the repository)
#   NAME       the run directory's name (default: the row's net name)
#   OUT        where results are copied (default docs/results/<row> in the repository)
#   JCONVNET   the launcher (default: this checkout's ./jconvnet)
#   DRY_RUN=1  print the commands, one per line, and run nothing
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

ROW="${1:-}"
[[ $# -eq 1 ]] || usage
case "$ROW" in
  18pct)
    # layer-params-18pct.cfg: "Reduce all learning rates by factor of 10 after 120 epochs.
    # Then another factor of 10 after 10 more epochs." No augmentation; batches 1-5, test on 6.
    NET=layers-18pct PROVIDER=cifar MULTIVIEW=0 ROW_EPOCHS=130 ;;
  13pct)
    # 24x24 crops and flips, multiview test. cuda-convnet's files give no schedule for this net;
    # it gets the 11pct recipe's tail (see below), its first phase cut to the budget.
    NET=layers-conv-local-13pct PROVIDER=cifar-cropped MULTIVIEW=1 ROW_EPOCHS= ;;
  11pct)
    # layer-params-conv-local-11pct.cfg: ~350 epochs on 1-4, ~150 more on 1-5, then epsW /10 for
    # 10 epochs and /10 again for 10 epochs; multiview test. Here on 1-5 from the start, the first
    # phase cut to the budget, then the two 10-epoch drops.
    NET=layers-conv-local-11pct PROVIDER=cifar-cropped MULTIVIEW=1 ROW_EPOCHS= ;;
  -h|--help) usage ;;
  *) echo "reproduce-cifar10.sh: unknown row '$ROW'; give 18pct, 13pct or 11pct" >&2; exit 2 ;;
esac

EPOCHS="${EPOCHS:-$ROW_EPOCHS}"
if ! [[ "$EPOCHS" =~ ^[1-9][0-9]*$ ]]; then
  echo "reproduce-cifar10.sh: set EPOCHS for $ROW: the epochs the 2.5-hour budget allows," \
    "floor(training img/s x 8,400 s / 50,000) (docs/results.md, 'Time budget')" >&2
  exit 2
fi
if [[ -z "${SCHEDULE:-}" ]]; then
  if [[ "$ROW" == 18pct ]]; then
    # /10 for the last 10 epochs, /100 after them (130 epochs: 120:0.1,130:0.01, the file's words;
    # the /100 phase is the run's extra batch, and what a resume with a larger --epochs trains).
    first=$((EPOCHS - 10)) SCHEDULE="$((EPOCHS - 10)):0.1,$EPOCHS:0.01"
  else
    # The 11pct recipe's tail: 10 epochs at /10, then 10 at /100.
    first=$((EPOCHS - 20)) SCHEDULE="$((EPOCHS - 20)):0.1,$((EPOCHS - 10)):0.01"
  fi
  if (( first < 1 )); then
    echo "reproduce-cifar10.sh: EPOCHS=$EPOCHS leaves no epoch before the schedule's drops; give SCHEDULE" \
      "too (e.g. SCHEDULE=none for a short trial)" >&2
    exit 2
  fi
fi

DATA="${DATA:-${JCONVNET_CACHE:-$HOME/.cache/jconvnet}/cifar-10-batches-bin}"
BACKEND="${BACKEND:-cpu-blas}"
TRAIN_RANGE="${TRAIN_RANGE:-1-5}"
TEST_RANGE="${TEST_RANGE:-6}"
TEST_FREQ="${TEST_FREQ:-10}"
SEED="${SEED:-1}"
MINI="${MINI:-128}"
SAVE_PATH="${SAVE_PATH:-$ROOT/runs/cifar10}"
NAME="${NAME:-$NET}"
OUT="${OUT:-$ROOT/docs/results/$ROW}"
JCONVNET="${JCONVNET:-$ROOT/jconvnet}"
RUN="$SAVE_PATH/$NAME"

multiview=()
if [[ "$MULTIVIEW" == 1 ]]; then
  multiview=(--multiview-test 1)
fi
train=("$JCONVNET" --backend "$BACKEND" train --layer-def "$NET" --data-provider "$PROVIDER"
  --data-path "$DATA" --train-range "$TRAIN_RANGE" --test-range "$TEST_RANGE" --mini "$MINI"
  --epochs "$EPOCHS" --lr-schedule "$SCHEDULE" --test-freq "$TEST_FREQ"
  --seed "$SEED" --save-path "$SAVE_PATH" --save-name "$NAME")
# Tests during training use the centre crop (a 10-view test of 10,000 images costs 10 forward
# passes); the final test of the copied checkpoint is the multiview one the table reports.
test=("$JCONVNET" --backend "$BACKEND" test -f "$OUT/checkpoint" --data-path "$DATA"
  --test-range "$TEST_RANGE" "${multiview[@]}")
show=("$JCONVNET" --backend "$BACKEND" show -f "$OUT/checkpoint" --data-path "$DATA"
  --test-range "$TEST_RANGE" -o "$OUT")

# A command as one line to paste: words quoted only where the shell needs it.
line() {
  local out=() w
  for w in "$@"; do
    if [[ "$w" =~ ^[A-Za-z0-9_./:,=+@%-]+$ ]]; then out+=("$w"); else out+=("$(printf '%q' "$w")"); fi
  done
  echo "${out[*]}"
}

if [[ "${DRY_RUN:-0}" == 1 ]]; then
  line "${train[@]}"
  line "${test[@]}"
  line "${show[@]}"
  exit 0
fi

[[ -d "$DATA" ]] || { echo "reproduce-cifar10.sh: DATA=$DATA is not a directory of CIFAR-10 binary batches" >&2; exit 2; }
mkdir -p "$OUT"
info="$OUT/run-info.txt"
{
  echo "row: $ROW ($NET)"
  echo "started: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "train: $(line "${train[@]}")"
} >"$info"

step() {
  local label="$1" log="$2"
  shift 2
  local t0 t1 rc=0
  t0=$(date +%s)
  echo "== $label: $*" >&2
  set +e
  "$@" | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  t1=$(date +%s)
  echo "== $label: exit $rc, wall $((t1 - t0)) s" >&2
  echo "$label: exit $rc, wall $((t1 - t0)) s" >>"$info"
  return "$rc"
}

step train "$OUT/train-output.txt" "${train[@]}"
# The final checkpoint alone (parameters, momentum, data mean, layer files, metrics in its
# manifest), as a run directory with its `latest`, so `test -f $OUT/checkpoint` finds it.
latest="$(cat "$RUN/latest")"
rm -rf "$OUT/checkpoint"
mkdir -p "$OUT/checkpoint"
cp -r "$RUN/$latest" "$OUT/checkpoint/"
cp "$RUN/latest" "$OUT/checkpoint/latest"
cp "$RUN/metrics.jsonl" "$OUT/metrics.jsonl"
echo "checkpoint: $latest, $(du -sk "$OUT/checkpoint" | cut -f1) KiB" >>"$info"
step test "$OUT/test-output.txt" "${test[@]}"
echo "test: $(line "${test[@]}")" >>"$info"
step show "$OUT/show-output.txt" "${show[@]}"
echo "finished: $(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$info"
echo "results in $OUT (run-info.txt: commands, machine, wall times)" >&2
