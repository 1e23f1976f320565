package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * One launch's arguments, read the way the CPU kernels need them: tensors as {@link Elements}, the
 * precision of the launch, and reals already rounded to that precision ("float32 kernels narrow
 * them to float once", say the contracts).
 */
final class KernelContext {
    private final KernelKey key;
    private final KernelArgs args;
    private final Precision precision;

    KernelContext(KernelKey key, KernelArgs args) {
        this.key = key;
        this.args = args;
        this.precision = Precision.of(key.dtype());
    }

    /**
     * Fails with one line naming the kernel, the tensor and both sizes unless tensor {@code name}
     * holds {@code rows * cols} elements. Layers validate geometry; this catches a tensor allocated
     * for another geometry before it turns into an index error deep in a loop.
     */
    KernelContext requireSize(String name, long rows, long cols) {
        Tensor t = args.tensor(name);
        if (t.size() != rows * cols) {
            throw new IllegalArgumentException("kernel " + key + " on backend 'cpu': tensor '" + name + "' is "
                    + t.describe() + " (" + t.size() + " elements), the launch's integers " + args.integers()
                    + " need " + rows + " x " + cols + " = " + rows * cols);
        }
        return this;
    }

    /** {@link #requireSize} for each of {@code names} that the launch passes. */
    KernelContext requireSizes(long rows, long cols, String... names) {
        for (String name : names) {
            if (args.hasTensor(name)) {
                requireSize(name, rows, cols);
            }
        }
        return this;
    }

    /** The raw arguments. */
    KernelArgs args() {
        return args;
    }

    /** The precision of this launch. */
    Precision precision() {
        return precision;
    }

    /** Element view of the tensor named {@code name}. */
    Elements elements(String name) {
        return Elements.of(args.tensor(name));
    }

    /** The integer named {@code name}. */
    int integer(String name) {
        return args.integer(name);
    }

    /** The contracts' {@code accumulate} flag. */
    boolean accumulate() {
        return args.flag("accumulate");
    }

    /** The real named {@code name}, rounded to the launch's precision. */
    double real(String name) {
        return precision.round(args.real(name));
    }

    /** {@code numCases}, the case count N every contract passes. */
    int numCases() {
        return args.integer("numCases");
    }

    /** Rounds {@code v} to the launch's precision. */
    double round(double v) {
        return precision.round(v);
    }
}
