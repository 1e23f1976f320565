G=dist/gpu/gpu-check.sh; export BENCH_MINIBATCHES=20 CONFORMANCE_TIMEOUT=150 BENCH_TIMEOUT=90 TRAIN_TIMEOUT=90
GPU_CHECK_OUT=/tmp/main bash $G > $OUT/main.log 2>&1; rc=$?
GPU_CHECK_OUT=/tmp/cf-blocked JCONVNET_JAVA_OPTS="-Djconvnet.cuda.conv-kernels=blocked" bash $G --only conformance > $OUT/conformance-blocked.log 2>&1 || rc=1
# A/B in this call: the jars of 2ed3ad0 (blocked forward and input gradient) against this bundle's, alternating, same JRE
J=$(ls -d /tmp/jconvnet-jre-*/jre | head -1); TP=$(ls dist/gpu/lib/*.jar | grep -v /jconvnet- | tr '\n' ':')
for r in 1 2 3; do for v in prev new; do for net in layers-conv-local-11pct layers-18pct; do
  if [ $v = prev ]; then CP="dist/gpu-prev/lib/*:$TP"; else CP="dist/gpu/lib/*"; fi
  printf '%s %s ' $v $r; LD_PRELOAD=$J/lib/libjsig.so $J/bin/java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" org.jconvnet.cli.Main bench --backend cuda --layer-def $net --minibatches 50 --warmup 5 2>&1 | grep -E "^cuda|rror" || echo "bench failed"
done; done; done > $OUT/ab-tiled-activations.log 2>&1
cp /tmp/main/conformance-report.json $OUT/ 2>/dev/null; tr '\r' '\n' < $OUT/main.log | grep -v ETA > $OUT/main-clean.log
grep -E "^== |^cuda |passed:|FAILED|: [0-9]+ pass|test on batch|cannot allocate|^  conv|^  local|^  fc10|^  total" $OUT/main-clean.log | grep -v "^cuda  *\(layer-case\|whole-net\|gradient\|layout\)" | cut -c1-240
grep -E "pass,|PASSED|FAILED" $OUT/conformance-blocked.log; cat $OUT/ab-tiled-activations.log; echo "rc=$rc"; exit $rc
