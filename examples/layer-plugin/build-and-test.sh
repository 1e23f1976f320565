#!/usr/bin/env bash
# Builds and tests the example layer plugin against the INSTALLED jconvnet artifacts, then shows
# that the unmodified jconvnet command picks the plugin up with --plugins:
#   1. mvn -B verify here (offline when every dependency is cached, else online): unit tests, the
#      conformance suite on cmpool for every available backend, the example net on the CPU;
#   2. jconvnet describe without --plugins must fail with "unknown layer type 'cmpool'";
#   3. jconvnet describe --plugins target/plugins must print the cmpool layer's Initialized line;
#   4. jconvnet train --plugins target/plugins: one epoch of the example net on the embedded
#      synthetic data set (CPU backend, about 30 s; CMPOOL_TRAIN=0 skips it) must end with a
#      finite test cost.
#
# Assumes the jconvnet reactor was installed first (mvn -B install -DskipTests in the repo root):
# installing it is not this script's job. MAVEN_OPTS passes through (e.g. -Dmaven.repo.local=...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

echo "== cmpool plugin: mvn verify"
if ! mvn -B -o verify; then
    echo "== offline build failed (a dependency not cached?): retrying online"
    mvn -B verify
fi

jar="$(ls target/jconvnet-cmpool-plugin-*.jar | grep -v -- '-sources\|-tests' | head -1)"
plugins="$here/target/plugins"
rm -rf "$plugins" && mkdir -p "$plugins" && cp "$jar" "$plugins/"
net="$here/cfg/layers-maxout-cmpool.cfg"

if [[ ! -d "$root/plugins" ]]; then   # the launcher also scans <root>/plugins: skip the check if it exists
    echo "== jconvnet describe --layer-def $net   (no plugin: must fail)"
    if "$root/jconvnet" describe --layer-def "$net" > target/describe-without.txt 2>&1; then
        echo "build-and-test: describe succeeded without the plugin" >&2; exit 1
    fi
    cat target/describe-without.txt
    grep -q "unknown layer type 'cmpool'" target/describe-without.txt \
        || { echo "build-and-test: expected the unknown-type error" >&2; exit 1; }
fi

echo "== jconvnet describe --plugins $plugins --layer-def $net"
"$root/jconvnet" describe --plugins "$plugins" --layer-def "$net" | tee target/describe.txt
grep -q "Initialized cross-map max-pooling layer 'maxout1', producing 32x32 16-channel output" target/describe.txt \
    || { echo "build-and-test: describe did not configure the cmpool layer" >&2; exit 1; }

if [[ "${CMPOOL_TRAIN:-1}" != 0 ]]; then
    echo "== jconvnet train --plugins $plugins --layer-def $net --backend cpu --epochs 1"
    rm -rf target/train
    "$root/jconvnet" train --plugins "$plugins" --layer-def "$net" \
        --layer-params "$here/cfg/layer-params-maxout-cmpool.cfg" --backend cpu --epochs 1 --seed 1 \
        --save-path target/train 2>&1 | tr '\r' '\n' | grep -vE '^ *$|\[[#.]+\] +[0-9]+% .*img/s *$' | tee target/train.txt
    last="$(grep '^finished at' target/train.txt || true)"
    [[ -n "$last" ]] || { echo "build-and-test: train did not finish" >&2; exit 1; }
    if grep -qiE 'infinity|nan' <<<"$last"; then
        echo "build-and-test: training diverged: $last" >&2; exit 1
    fi
fi
echo "== cmpool plugin: OK"
