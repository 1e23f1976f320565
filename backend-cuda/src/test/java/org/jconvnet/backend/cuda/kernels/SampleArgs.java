package org.jconvnet.backend.cuda.kernels;

import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.kernel.contract.KernelSamples;

/**
 * The call of each key's seed sample in the contracts' table ({@link KernelSamples#seedByKey()}:
 * the seed net's layer sizes at batch 8), over shape-only {@link FakeTensor}s, so a plan can be
 * built without a device.
 */
final class SampleArgs {
    private SampleArgs() {
    }

    static KernelCall of(KernelKey key) {
        KernelSample sample = KernelSamples.seedByKey().get(key.layerType() + "/" + key.op());
        if (sample == null) {
            throw new AssertionError("the contracts' table has no seed sample of " + key);
        }
        return sample.build().apply((name, rows, cols, fill) -> FakeTensor.f32(rows, cols)).call();
    }
}
