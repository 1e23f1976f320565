#!/usr/bin/env bash
# Builds dist/gpu/ (git-ignored): everything needed to check jconvnet on a GPU machine that has no
# JDK, no Maven and no internet, in under 64 MiB:
#   jre.tar.gz     a jlinked, stripped Java runtime (Temurin 25 if installed, else the default JDK 17)
#   lib/*.jar      the cli jar and its runtime dependencies (jcuda-natives slimmed to the driver API)
#   data/cifar-10-batches-bin/   the first $RECORDS records of data_batch_1 and test_batch (if ../shared/data exists)
#   pytorch/bench_pytorch.py   the same nets in PyTorch, which gpu-check.sh runs right after jconvnet's bench
#   gpu-check.sh   the check to run there (see its header); BUNDLE.txt says what was built from what
#
# Usage: scripts/gpu-bundle.sh [--no-build]     (--no-build reuses the jars already in the module target/ folders
#                                                and cli/target/lib, from an earlier mvn package)
# Environment: RECORDS (default 2000), JCONVNET_SHARED (default <repo>/../shared), OUT_DIR (default <repo>/dist/gpu),
#              MVN (default mvn), JLINK_JDK (force a JDK home for jlink).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR=${OUT_DIR:-$ROOT/dist/gpu}
SHARED=${JCONVNET_SHARED:-$ROOT/../shared}
RECORDS=${RECORDS:-2000}
MVN=${MVN:-mvn}
LIMIT_BYTES=$((64 * 1024 * 1024))
BUILD=1
for a in "$@"; do
  case "$a" in
    --no-build) BUILD=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "gpu-bundle.sh: unknown argument '$a' (try --help)" >&2; exit 2 ;;
  esac
done
say() { echo "gpu-bundle: $*"; }

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/jconvnet-gpu-bundle.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/lib"

# 1. The application: the cli module and everything it needs at run time, resolved in one reactor
#    build (never from other people's SNAPSHOTs in ~/.m2).
cd "$ROOT"
if [ $BUILD = 1 ]; then
  say "building the cli module and its dependencies (mvn -o package, tests skipped)"
  "$MVN" -B -q -o -pl cli -am package dependency:copy-dependencies -DskipTests \
      -DincludeScope=runtime -DoutputDirectory="$STAGE/lib"
else
  # The cli module's package phase already copied its runtime class path to cli/target/lib; resolving it again
  # with Maven would need the reactor's jars installed in ~/.m2, which a package-only build never does.
  [ -d "$ROOT/cli/target/lib" ] || { echo "gpu-bundle.sh: --no-build needs cli/target/lib (run mvn -o package first)" >&2; exit 1; }
  cp "$ROOT"/cli/target/lib/*.jar "$STAGE/lib/"
fi
CLI_JAR=$(ls "$ROOT"/cli/target/jconvnet-cli-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -1 || true)
[ -n "$CLI_JAR" ] || { echo "gpu-bundle.sh: cli/target/jconvnet-cli-*.jar not found (build failed?)" >&2; exit 1; }
cp "$CLI_JAR" "$STAGE/lib/"
# Our own modules come from this reactor build: replace whatever copy-dependencies found with target/ jars.
for m in api kernels backend-cpu-reference backend-cpu backend-opencl backend-cuda layers train conformance-tests; do
  j=$(ls "$ROOT/$m"/target/jconvnet-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -1 || true)
  [ -n "$j" ] && cp "$j" "$STAGE/lib/"
done
# Spark (the spark module's data-parallel training) is never part of the bundle: the cli's runtime
# class path does not hold it; fail loudly should that ever change (the bundle must stay < 64 MiB).
if ls "$STAGE"/lib/spark-core_* "$STAGE"/lib/jconvnet-spark-* >/dev/null 2>&1; then
  echo "gpu-bundle.sh: Spark jars reached the bundle's class path: $(ls "$STAGE"/lib | grep -i spark | tr '\n' ' ')" >&2
  exit 1
fi
# Test-only tools never belong in the runtime set.
rm -f "$STAGE"/lib/junit-* "$STAGE"/lib/opentest4j-* "$STAGE"/lib/apiguardian-* "$STAGE"/lib/archunit-* "$STAGE"/lib/hamcrest-*
# Nor the CPU BLAS and oneDNN (cpu-blas's conv): their natives are some 20 and 27 MB (with JavaCPP's
# OpenCL presets, which oneDNN's load), and the GPU run needs neither them nor bench's host sgemm probe
# (without it, bench reports the host's peak as unknown; the GPU's peak comes from the PyTorch step).
rm -f "$STAGE"/lib/openblas-* "$STAGE"/lib/javacpp-* "$STAGE"/lib/jconvnet-host-peak-* "$STAGE"/lib/dnnl-* \
  "$STAGE"/lib/opencl-3.0-*

# 2. Slim the natives: the CUDA backend uses only the driver API (libJCudaDriver -> libcuda.so.1);
#    NVRTC/PTX-compiler natives are 24 MB and need CUDA 12 libraries absent on CUDA 13 machines.
for j in "$STAGE"/lib/jcuda-natives-*.jar; do
  [ -e "$j" ] || continue
  zip -q -d "$j" 'lib/libJNvPTXCompiler-*' 'lib/libJNvrtc-*' >/dev/null || true
done
for j in "$STAGE"/lib/jocl-*.jar; do
  [ -e "$j" ] || continue
  zip -q -d "$j" 'lib/*windows*' 'lib/*apple*' 'lib/*arm64*' >/dev/null || true
done
say "$(ls "$STAGE/lib" | wc -l) jars, $(du -sb "$STAGE/lib" | cut -f1) bytes"

# 3. A Java runtime: prefer Temurin 25 (needs only glibc >= 2.17); else the default JDK 17.
if [ -n "${JLINK_JDK:-}" ]; then JDK=$JLINK_JDK
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jlink ]; then JDK=/usr/lib/jvm/temurin-25-jdk-amd64
else JDK=$(dirname "$(dirname "$(readlink -f "$(command -v jlink || command -v javac)")")")
fi
[ -x "$JDK/bin/jlink" ] || { echo "gpu-bundle.sh: no jlink in $JDK" >&2; exit 1; }
FEATURE=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
MODULES=java.base,java.logging,java.sql,jdk.unsupported,jdk.zipfs
# jdeps says what the jars need; java.compiler comes only from annotation jars (error_prone), not needed at run time.
NEEDED=$("$JDK/bin/jdeps" --multi-release "$FEATURE" --ignore-missing-deps --print-module-deps \
           --class-path "$STAGE/lib/*" "$STAGE"/lib/*.jar 2>/dev/null | tail -1 || true)
say "jdeps: the jars need ${NEEDED:-(jdeps failed; using the default set)}"
for mod in $(echo "$NEEDED" | tr ',' ' '); do
  case ",$MODULES," in *",$mod,"*) ;; *)
    if [ "$mod" = java.compiler ]; then continue; fi
    say "adding module $mod (needed by the jars)"; MODULES="$MODULES,$mod" ;;
  esac
done
COMPRESS=--compress=2
[ "$FEATURE" -ge 21 ] 2>/dev/null && COMPRESS=--compress=zip-6
say "jlink $JDK (Java $FEATURE): $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages $COMPRESS --output "$STAGE/jre"
find "$STAGE/jre" -name '*.so' -exec strip --strip-unneeded {} \; 2>/dev/null || true
"$STAGE/jre/bin/java" -version >/dev/null 2>&1 || { echo "gpu-bundle.sh: the linked runtime does not start" >&2; exit 1; }

mkdir -p "$STAGE/bundle/lib"
tar -C "$STAGE" -czf "$STAGE/bundle/jre.tar.gz" jre
cp "$STAGE"/lib/*.jar "$STAGE/bundle/lib/"

# 4. A small CIFAR-10 subset, if the shared data is here.
CIFAR="$SHARED/data/cifar-10-batches-bin"
if [ -f "$CIFAR/data_batch_1.bin.gz" ] && [ -f "$CIFAR/test_batch.bin.gz" ]; then
  mkdir -p "$STAGE/bundle/data/cifar-10-batches-bin"
  for b in data_batch_1 test_batch; do
    # One record is 1 label byte + 3072 pixel bytes. head closes the pipe early, so gzip's SIGPIPE is
    # expected there; the byte count below checks the result instead.
    f="$STAGE/bundle/data/cifar-10-batches-bin/$b.bin.gz"
    (set +o pipefail; gzip -dc "$CIFAR/$b.bin.gz" | head -c $((3073 * RECORDS)) | gzip -9 > "$f")
    got=$(gzip -dc "$f" | wc -c)
    [ "$got" = $((3073 * RECORDS)) ] || { echo "gpu-bundle.sh: $b subset has $got bytes, expected $((3073 * RECORDS))" >&2; exit 1; }
  done
  [ -f "$CIFAR/batches.meta.txt" ] && cp "$CIFAR/batches.meta.txt" "$STAGE/bundle/data/cifar-10-batches-bin/"
  say "CIFAR-10 subset: $RECORDS records of data_batch_1 and of test_batch"
else
  say "no CIFAR-10 data at $CIFAR: the bundle carries none (gpu-check.sh then skips the training run)"
fi

# 5. The check script, the PyTorch comparison it runs, and what this bundle is.
cp "$ROOT/scripts/gpu-check.sh" "$STAGE/bundle/gpu-check.sh"
chmod +x "$STAGE/bundle/gpu-check.sh"
mkdir -p "$STAGE/bundle/pytorch"
cp "$ROOT/bench/pytorch/bench_pytorch.py" "$STAGE/bundle/pytorch/"
{
  echo "jconvnet GPU bundle"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) from $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "java runtime: $("$STAGE/jre/bin/java" -version 2>&1 | head -1), modules $MODULES"
  echo "cuda device code: $(sed -n 's/^nvcc=/nvcc /p' "$ROOT/backend-cuda/src/main/resources/org/jconvnet/backend/cuda/kernels.properties" 2>/dev/null), PTX ISA 9.0 (driver >= 580 / CUDA 13.0)"
  echo "run: bash gpu-check.sh            (on the GPU machine)"
  echo "     bash gpu-check.sh --expect-unavailable   (anywhere without an NVIDIA driver)"
  echo "jars:"; (cd "$STAGE/bundle/lib" && ls -1 | sed 's/^/  /')
} > "$STAGE/bundle/BUNDLE.txt"

SIZE=$(du -sb "$STAGE/bundle" | cut -f1)
if [ "$SIZE" -gt "$LIMIT_BYTES" ]; then
  echo "gpu-bundle.sh: bundle is $SIZE bytes, over the 64 MiB limit ($LIMIT_BYTES)" >&2
  du -sb "$STAGE"/bundle/* >&2
  exit 1
fi
rm -rf "$OUT_DIR"
mkdir -p "$(dirname "$OUT_DIR")"
cp -r "$STAGE/bundle" "$OUT_DIR"
say "wrote $OUT_DIR:"
du -sb "$OUT_DIR"/* | sed 's/^/  /'
echo "gpu-bundle: total $SIZE bytes ($(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }') MiB of 64 MiB)"
