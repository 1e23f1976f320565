package org.jconvnet.examples.cmpool;

import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.Tensor;

/**
 * The kernel contract of {@code cmpool} (documented in the example's README): the kernel key's
 * layer type, the tensor and integer argument names, and builders that fill them in one place so
 * the layer and its tests cannot disagree about a name.
 *
 * <p>Integers of every op: {@code numCases}, {@code channels}, {@code imgSize}, {@code size},
 * {@code start}, {@code stride}, {@code outputs}; backward also {@code accumulate}.
 * {@code forward}: tensors {@code input} (C*S*S x N), {@code output} (O*S*S x N).
 * {@code backward-input}: {@code input}, {@code output}, {@code outputGrad}, {@code inputGrad}.
 */
public final class CmPoolContract {
    /** The layer type and kernel family. */
    public static final String TYPE = "cmpool";
    /** Value returned for a window with no channel inside (never happens after validation). */
    public static final float EMPTY_MAX = -2e38f;

    private CmPoolContract() {
    }

    /** The arguments of {@code forward}. */
    public static KernelArgs forward(CmPoolGeometry g, int numCases, Tensor input, Tensor output) {
        return geometry(KernelArgs.create().tensor("input", input).tensor("output", output), g, numCases);
    }

    /** The arguments of {@code backward-input}. */
    public static KernelArgs backwardInput(CmPoolGeometry g, int numCases, Tensor input, Tensor output,
                                           Tensor outputGrad, Tensor inputGrad, boolean accumulate) {
        return geometry(KernelArgs.create().tensor("input", input).tensor("output", output)
                .tensor("outputGrad", outputGrad).tensor("inputGrad", inputGrad), g, numCases)
                .flag("accumulate", accumulate);
    }

    /** Reads the geometry integers back from launch arguments (what every kernel does first). */
    public static CmPoolGeometry geometry(KernelArgs a) {
        return new CmPoolGeometry(a.integer("channels"), a.integer("imgSize"), a.integer("size"),
                a.integer("start"), a.integer("stride"), a.integer("outputs"));
    }

    private static KernelArgs geometry(KernelArgs a, CmPoolGeometry g, int numCases) {
        return a.integer("numCases", numCases).integer("channels", g.channels()).integer("imgSize", g.imgSize())
                .integer("size", g.size()).integer("start", g.start()).integer("stride", g.stride())
                .integer("outputs", g.outputs());
    }
}
