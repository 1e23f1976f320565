#!/usr/bin/env bash
# A real Spark cluster on this machine, loopback only: starts a standalone Master and two Workers as
# separate JVMs (org.apache.spark.deploy.master.Master, org.apache.spark.deploy.worker.Worker, class
# path: the spark module's dependencies in spark/target/lib), submits a short training of the tiny
# test net on the embedded synthetic data set through SparkSubmit with the module's shaded
# application jar (Spark itself provided), checks the result (exit status 0, a committed checkpoint,
# a finite test cost) and stops every JVM it started.
#
# Usage: scripts/spark-standalone-check.sh [--no-build]
#   --no-build   use spark/target as an earlier `mvn -pl spark -am package` left it
# Environment: JAVA_HOME (which java), KEEP=1 keeps the scratch directory (logs of every JVM).
# Exit status: 0 when the check passes, 1 otherwise (the logs' tails are printed).
#
# Not part of .ci/run: five JVMs (Master, two Workers with an executor each, the driver) take minutes to
# start and train on the 2-core development machine, for what the Spark tests
# in `mvn install` (local mode, the same code paths but the network) already cover in CI.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
say() { echo "[spark-standalone-check] $*"; }

if [[ "${1:-}" != "--no-build" ]]; then
  say "building the spark module (mvn -o -pl spark -am package -DskipTests) ..."
  (cd "$ROOT" && mvn -B -q -o -pl spark -am package -DskipTests -Dmaven.javadoc.skip=true) \
    || (cd "$ROOT" && mvn -B -q -pl spark -am package -DskipTests -Dmaven.javadoc.skip=true)
fi
APP_JAR=$(ls "$ROOT"/spark/target/jconvnet-spark-*-app.jar 2>/dev/null | head -1 || true)
LIB="$ROOT/spark/target/lib"
[[ -n "$APP_JAR" && -d "$LIB" ]] || { say "spark/target has no -app jar or lib/ (build first)"; exit 1; }
# The JDK packages Spark reflects into on Java 17+ (Spark's own launcher passes the same list).
read -r -a OPENS <<< "$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/spark/pom.xml")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/jconvnet-spark-check.XXXXXX")"
# A Worker starts its executors through Spark's launcher, which wants SPARK_HOME/jars: ours is lib/.
mkdir -p "$WORK/spark-home"
ln -s "$LIB" "$WORK/spark-home/jars"
export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOG_DIR="$WORK/logs" SPARK_WORKER_DIR="$WORK/work"
mkdir -p "$SPARK_LOG_DIR" "$SPARK_WORKER_DIR"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
MASTER_PORT=$(free_port)
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ "${KEEP:-0}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

jvm() { # name, main class, args...: one JVM in the background, its output in logs/<name>.log
  local name=$1; shift
  "$JAVA" -Xmx256m "${OPENS[@]}" -cp "$LIB/*" "$@" >"$SPARK_LOG_DIR/$name.log" 2>&1 &
  PIDS+=($!)
  say "started $name (pid $!)"
}

wait_for() { # log, pattern, seconds
  local i
  for ((i = 0; i < $3; i++)); do
    grep -q "$2" "$SPARK_LOG_DIR/$1.log" 2>/dev/null && return 0
    sleep 1
  done
  say "$1 did not log '$2' within $3 s; its log:"; tail -n 30 "$SPARK_LOG_DIR/$1.log"
  return 1
}

jvm master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$(free_port)"
wait_for master "I have been elected leader" 90
for w in 1 2; do
  jvm "worker$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
    --webui-port "$(free_port)" --work-dir "$SPARK_WORKER_DIR/worker$w" "$MASTER_URL"
done
wait_for worker1 "Successfully registered with master" 90
wait_for worker2 "Successfully registered with master" 90

say "submitting: 2 workers, the tiny net, 1 epoch of the embedded data set (minibatch 32)"
RUNS="$WORK/runs"
set +e
"$JAVA" -Xmx512m "${OPENS[@]}" -cp "$LIB/*" org.apache.spark.deploy.SparkSubmit \
  --master "$MASTER_URL" --deploy-mode client --class org.jconvnet.spark.SparkTrainMain \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
  --conf spark.executor.memory=512m --conf spark.cores.max=2 --conf spark.task.maxFailures=4 \
  "$APP_JAR" --workers 2 --backend cpu --layer-def "$ROOT/train/src/test/resources/nets/layers-tiny.cfg" \
  --train-range 1-2 --test-range 6 --epochs 1 --mini 32 --seed 3 --save-path "$RUNS" --save-name check \
  2> >(grep -v '^\s*at \|INFO\|^$' >&2) | tee "$WORK/driver.out"
status=${PIPESTATUS[0]}
set -e

fail() {
  say "FAILED: $*"
  for f in "$SPARK_LOG_DIR"/*.log; do say "--- $(basename "$f")"; tail -n 15 "$f"; done
  exit 1
}
[[ $status == 0 ]] || fail "the driver exited with status $status"
[[ -f "$RUNS/check/latest" ]] || fail "no committed checkpoint in $RUNS/check"
latest="$(cat "$RUNS/check/latest")"
[[ -f "$RUNS/check/$latest/manifest.json" ]] || fail "checkpoint $latest has no manifest"
cost=$(sed -n 's/.*last test: logprob \([^,]*\),.*/\1/p' "$WORK/driver.out" | tail -1)
[[ "$cost" =~ ^[0-9]+\.[0-9]+$ ]] || fail "the last test cost '$cost' is not a finite number"
executors=$(find "$SPARK_WORKER_DIR" -name stderr -path '*app-*' | wc -l)
[[ $executors -ge 2 ]] || fail "expected an executor on each worker, found $executors"
say "PASSED: exit 0, checkpoint $latest committed, last test cost $cost, $executors executors on 2 workers"
