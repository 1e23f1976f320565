#!/usr/bin/env bash
# Measures data-parallel training on Spark in local mode (org.jconvnet.spark.SparkScaleBench):
# images/s of the single-machine trainer and of Spark with 1 and 2 workers, each worker's shard
# compute alone, and the synchronisation overhead of one round in ms; prints a small table.
# With --model, prints the scale-out model of docs/scale-out.md instead (ScaleOutModel; no timing).
#
# Usage: scripts/spark-scale-bench.sh [--no-build] [--master 'local[2]'] [--workers 1,2]
#            [--layer-def layers-conv-local-11pct] [--mini 128] [--steps 10] [--warmup 3] [--backend ID]
#        scripts/spark-scale-bench.sh [--no-build] --model [--compute-ms MS] [--overhead-ms MS]
#            [--params N] [--bandwidth-gbs GB_PER_S] [--sync-every K] [--minibatch B]
# Run it on an idle machine: it times steps. spark/target/lib holds Apache Spark only; jconvnet's own
# jars and backends come from cli/target/lib, as for the launcher.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  (cd "$ROOT" && mvn -B -q -o -pl spark,cli -am package -DskipTests -Dmaven.javadoc.skip=true) >&2
fi
MAIN=org.jconvnet.spark.SparkScaleBench
if [[ "${1:-}" == "--model" ]]; then
  shift
  MAIN=org.jconvnet.spark.ScaleOutModel
fi
read -r -a OPENS <<< "$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/spark/pom.xml")"
exec "$JAVA" "${OPENS[@]}" -Dorg.slf4j.simpleLogger.log.org.apache.spark=warn -Dorg.slf4j.simpleLogger.log.org.sparkproject=warn \
  -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -cp "$ROOT/spark/target/classes:$ROOT/cli/target/lib/*:$ROOT/spark/target/lib/*" "$MAIN" "$@"
