package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * What a CPU kernel body needs besides its call record: the key it runs as (for messages), the
 * precision of the launch, and the size check of its tensors. Reals are rounded to the precision
 * by the bodies ("float32 kernels narrow them to float once", say the contracts).
 */
final class KernelContext {
    private final KernelKey key;
    private final Precision precision;

    KernelContext(KernelKey key) {
        this.key = key;
        this.precision = Precision.of(key.dtype());
    }

    /**
     * Fails with one line naming the kernel, the tensor and both sizes unless {@code t} holds
     * {@code rows * cols} elements; a null {@code t} (an optional tensor not passed) passes. Layers
     * validate geometry; this catches a tensor allocated for another geometry before it turns into
     * an index error deep in a loop.
     */
    KernelContext requireSize(String name, Tensor t, long rows, long cols) {
        if (t != null && t.size() != rows * cols) {
            throw new IllegalArgumentException("kernel " + key + " on backend 'cpu': tensor '" + name + "' is "
                    + t.describe() + " (" + t.size() + " elements), the call's geometry needs " + rows + " x " + cols
                    + " = " + rows * cols);
        }
        return this;
    }

    /** The precision of this launch. */
    Precision precision() {
        return precision;
    }

    /** Rounds {@code v} to the launch's precision. */
    double round(double v) {
        return precision.round(v);
    }
}
