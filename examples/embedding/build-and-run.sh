#!/usr/bin/env bash
# Builds the embedding example against the INSTALLED jconvnet artifacts (through the BOM) and runs
# it as an application is run, with plain `java` and the run-time class path Maven resolved:
#   1. mvn -B package here (offline when every dependency is cached, else online);
#   2. java ... EmbeddingExample target/example: trains the seed net a few steps on the embedded
#      data set from code, loads the checkpoint, classifies a PNG it draws; it exits 1 itself
#      when a result cannot be right;
#   3. checks the output: the training costs and the predicted class must be printed.
#
# Assumes the jconvnet reactor was installed first (mvn -B install in the repo root): installing
# it is not this script's job. MAVEN_OPTS passes through (e.g. -Dmaven.repo.local=...);
# JCONVNET_BACKEND or EXAMPLE_JAVA_OPTS=-Djconvnet.backend=ID picks the backend.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

echo "== embedding example: mvn package"
if ! mvn -B -o package; then
    echo "== offline build failed (a dependency not cached?): retrying online"
    mvn -B package
fi

rm -rf target/example
# cpu-blas runs conv through oneDNN, whose OpenMP threads otherwise spin against the backend's
# workers; an embedding application sets this before its JVM starts (backend-cpu/README.md).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
echo "== java org.jconvnet.examples.embedding.EmbeddingExample target/example"
# shellcheck disable=SC2086  # EXAMPLE_JAVA_OPTS is a list of JVM options
java ${EXAMPLE_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
    org.jconvnet.examples.embedding.EmbeddingExample target/example | tee target/example.txt

grep -q '^training costs: ' target/example.txt \
    || { echo "build-and-run: the example printed no training costs" >&2; exit 1; }
grep -q '^predicted class of red-disc.png: ' target/example.txt \
    || { echo "build-and-run: the example printed no predicted class" >&2; exit 1; }
echo "== embedding example: OK"
