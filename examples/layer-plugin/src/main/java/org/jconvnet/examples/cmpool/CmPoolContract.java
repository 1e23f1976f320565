package org.jconvnet.examples.cmpool;

import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * The kernel contract of {@code cmpool} (documented in the example's README): one {@link KernelOp}
 * constant and one record per op, built the way the built-in contracts of
 * {@code org.jconvnet.api.kernel.contract} are, so the layer, its kernels and its tests cannot
 * disagree about an argument; a new op needs no change to the API. A record names its op
 * ({@code kernelOp()}); its tensors are its {@code Tensor} components, by name. Activations are
 * {@code rows x numCases}: input {@code C*S*S}, output {@code O*S*S} rows.
 */
public final class CmPoolContract {
    /** The layer type and kernel family. */
    public static final String TYPE = "cmpool";
    /** {@code cmpool/forward}, whose calls are {@link Forward} records. */
    public static final KernelOp<Forward> FORWARD = KernelOp.of(TYPE, Ops.FORWARD, Forward.class);
    /** {@code cmpool/backward-input}, whose calls are {@link BackwardInput} records. */
    public static final KernelOp<BackwardInput> BACKWARD_INPUT = KernelOp.of(TYPE, Ops.BACKWARD_INPUT, BackwardInput.class);
    /** Value returned for a window with no channel inside (never happens after validation). */
    public static final float EMPTY_MAX = -2e38f;

    private CmPoolContract() {
    }

    /**
     * {@code cmpool/forward}: {@code output[o,p,n] = max over c in window(o) of input[c,p,n]}.
     *
     * @param geometry the layer's shape
     * @param numCases N
     * @param input    {@code C*S*S x N}
     * @param output   {@code O*S*S x N}
     */
    public record Forward(CmPoolGeometry geometry, int numCases, Tensor input, Tensor output) implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return FORWARD;
        }
    }

    /**
     * {@code cmpool/backward-input}: {@code inputGrad[c,p,n] (+)=} the sum, over windows o holding c,
     * of {@code outputGrad[o,p,n]} where {@code input[c,p,n] == output[o,p,n]} (every tie gets it).
     *
     * @param geometry   the layer's shape
     * @param numCases   N
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input      the forward input
     * @param output     the forward output
     * @param outputGrad {@code O*S*S x N}
     * @param inputGrad  {@code C*S*S x N}
     */
    public record BackwardInput(CmPoolGeometry geometry, int numCases, boolean accumulate, Tensor input, Tensor output,
                                Tensor outputGrad, Tensor inputGrad) implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return BACKWARD_INPUT;
        }
    }
}
