G=dist/gpu/gpu-check.sh; GPU_CHECK_OUT=/tmp/main bash $G --only nvidia-smi,backends,train > $OUT/main.log 2>&1; rc=$?
# A/B in this call: training with the jars of 599cdc5 (slicing on the training thread) against this bundle's, alternating
J=$(ls -d /tmp/jconvnet-jre-*/jre | head -1); TP=$(ls dist/gpu/lib/*.jar | grep -v /jconvnet- | tr '\n' ':'); D=dist/gpu/data/cifar-10-batches-bin
for r in 1 2 3; do for v in prev new; do
  if [ $v = prev ]; then CP="dist/gpu-prev/lib/*:$TP"; else CP="dist/gpu/lib/*"; fi
  echo "== $v round $r"; LD_PRELOAD=$J/lib/libjsig.so $J/bin/java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" org.jconvnet.cli.Main train --backend cuda --data-path $D --train-range 1 --test-range 6 --epochs 8 --test-freq 100 --seed 1 --save-path /tmp/ab-$v-$r 2>&1 | tr '\r' '\n' | grep -E "sec, .*img/s|test on batch" || echo "train failed"
done; done > $OUT/ab-train.log 2>&1
tr '\r' '\n' < $OUT/main.log | grep -v ETA | grep -E "^== |passed|FAILED|test on batch|available"; cat $OUT/ab-train.log; echo "rc=$rc"; exit $rc
