G=dist/gpu/gpu-check.sh; export BENCH_MINIBATCHES=20 CONFORMANCE_TIMEOUT=150 BENCH_TIMEOUT=90 TRAIN_TIMEOUT=90 BENCH_BACKENDS=cuda
GPU_CHECK_OUT=/tmp/main bash $G > $OUT/main.log 2>&1; rc=$?
GPU_CHECK_OUT=/tmp/cf-cpu-plans JCONVNET_JAVA_OPTS="-Djconvnet.cuda.conv-kernels=blocked -Djconvnet.cuda.split-items=0" bash $G --only conformance,bench > $OUT/cpu-plans.log 2>&1 || rc=1
cp /tmp/main/conformance-report.json $OUT/ 2>/dev/null; tr '\r' '\n' < $OUT/main.log | grep -v ETA > $OUT/main-clean.log
for f in $OUT/main-clean.log $OUT/cpu-plans.log; do echo "#### $f"; grep -E "^== |^cuda .*cfg|passed:|FAILED|: [0-9]+ pass|test on batch|cannot allocate|100%.*sec" $f | cut -c1-230; done
echo "rc=$rc"; exit $rc
