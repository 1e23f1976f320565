G=dist/gpu/gpu-check.sh; export BENCH_MINIBATCHES=20 CONFORMANCE_TIMEOUT=150 BENCH_TIMEOUT=90 TRAIN_TIMEOUT=90
GPU_CHECK_OUT=/tmp/main bash $G > $OUT/main.log 2>&1; rc=$?
for v in blocked:0 blocked:131072 tiled:0; do k=${v%:*}; s=${v#*:}; GPU_CHECK_OUT=/tmp/ab-$k-$s BENCH_BACKENDS=cuda JCONVNET_JAVA_OPTS="-Djconvnet.cuda.conv-weights=$k -Djconvnet.cuda.weight-split-items=$s" bash $G --only bench > /tmp/ab-$k-$s.log 2>&1 || rc=1; done
GPU_CHECK_OUT=/tmp/cf-blocked JCONVNET_JAVA_OPTS="-Djconvnet.cuda.conv-weights=blocked" bash $G --only conformance > /tmp/cf-blocked.log 2>&1 || rc=1
GPU_CHECK_OUT=/tmp/cf-ptx JCONVNET_JAVA_OPTS="-Djconvnet.cuda.image=ptx" bash $G --only conformance > /tmp/cf-ptx.log 2>&1 || rc=1
cat /tmp/ab-*.log /tmp/cf-*.log > $OUT/extra.log; cp /tmp/main/conformance-report.json $OUT/ 2>/dev/null
tr '\r' '\n' < $OUT/main.log | grep -v ETA > $OUT/main-clean.log
for f in $OUT/main-clean.log $OUT/extra.log; do echo "#### $f"; grep -E "^== |^cuda |^cpu |passed:|FAILED|extra JVM|conformance PASSED|conformance FAILED|: [0-9]+ pass|test on batch|cannot allocate|^  conv|^  local|^  fc10|^  total" $f | grep -v "^cuda  *\(layer-case\|whole-net\|gradient\)" | cut -c1-260; done
echo "rc=$rc"; exit $rc
