#!/usr/bin/env bash
# Builds and tests the example layer plugin against the INSTALLED jconvnet artifacts, then shows
# that the unmodified jconvnet command picks the plugin up with --plugins.
#
# Assumes the jconvnet reactor was installed first (mvn -B install -DskipTests in the repo root):
# installing it is not this script's job. Runs Maven offline when every dependency is cached and
# retries online otherwise.
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

echo "== jconvnet describe --plugins $plugins --layer-def cfg/layers-maxout-cmpool.cfg"
"$root/jconvnet" describe --plugins "$plugins" --layer-def "$here/cfg/layers-maxout-cmpool.cfg" \
    | tee target/describe.txt
grep -q "Initialized cross-map max-pooling layer 'maxout1'" target/describe.txt \
    || { echo "build-and-test: describe did not configure the cmpool layer" >&2; exit 1; }
echo "== cmpool plugin: OK"
