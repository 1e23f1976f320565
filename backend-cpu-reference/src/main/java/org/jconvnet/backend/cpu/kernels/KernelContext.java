package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * One launch's arguments, read the way the CPU kernels need them: tensors as {@link Elements}, the
 * precision of the launch, and reals already rounded to that precision ("float32 kernels narrow
 * them to float once", say the contracts).
 */
final class KernelContext {
    private final KernelArgs args;
    private final Precision precision;

    KernelContext(KernelArgs args, Precision precision) {
        this.args = args;
        this.precision = precision;
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
