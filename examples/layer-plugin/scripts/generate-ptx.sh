#!/usr/bin/env bash
# Regenerates src/main/resources/org/jconvnet/examples/cmpool/cmpool.ptx from cmpool.kc with nvcc.
# The PTX is committed, so building the plugin never needs nvcc; rerun this after editing cmpool.kc
# and commit both. Output is deterministic (same nvcc, same bytes).
#
# The portable dialect's prelude.h comes from, in order: $PRELUDE; the jconvnet source tree this
# example sits in; the installed jconvnet-kernels jar in ~/.m2.
# Usage: scripts/generate-ptx.sh            (nvcc on PATH, or NVCC=/path/to/nvcc)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
res="$here/src/main/resources/org/jconvnet/examples/cmpool"
nvcc="${NVCC:-nvcc}"
arch="${CUDA_ARCH:-compute_75}"   # the lowest nvcc 13 accepts; the driver JITs it for newer GPUs

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prelude="${PRELUDE:-}"
if [[ -z "$prelude" && -f "$here/../../kernels/src/main/resources/org/jconvnet/kernels/prelude.h" ]]; then
    prelude="$here/../../kernels/src/main/resources/org/jconvnet/kernels/prelude.h"
fi
if [[ -z "$prelude" ]]; then
    jar="$(ls "$HOME"/.m2/repository/org/jconvnet/jconvnet-kernels/*/jconvnet-kernels-*.jar 2>/dev/null | head -1 || true)"
    [[ -n "$jar" ]] || { echo "generate-ptx: no prelude.h found (set PRELUDE=...)" >&2; exit 1; }
    unzip -p "$jar" org/jconvnet/kernels/prelude.h > "$work/prelude.h"
    prelude="$work/prelude.h"
fi

"$nvcc" -x cu -ptx -arch="$arch" -Werror all-warnings -include "$prelude" \
    -o "$work/cmpool.ptx" "$res/cmpool.kc"
# Float literals without the f suffix would silently turn into double math: refuse them.
if grep -q '\.f64' "$work/cmpool.ptx"; then
    echo "generate-ptx: cmpool.ptx contains double-precision instructions (a literal without 'f'?)" >&2
    exit 1
fi
for entry in cmpool_forward cmpool_backward_input; do
    grep -q "\.entry $entry" "$work/cmpool.ptx" || { echo "generate-ptx: entry $entry missing" >&2; exit 1; }
done
cp "$work/cmpool.ptx" "$res/cmpool.ptx"
echo "wrote $res/cmpool.ptx ($(wc -c < "$res/cmpool.ptx") bytes, $("$nvcc" --version | tail -1))"
