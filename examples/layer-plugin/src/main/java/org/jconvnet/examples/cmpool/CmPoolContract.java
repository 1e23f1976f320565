package org.jconvnet.examples.cmpool;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * The kernel contract of {@code cmpool} (documented in the example's README): one record per op,
 * built the way the built-in contracts of {@code org.jconvnet.api.kernel.contract} are, so the
 * layer, its kernels and its tests cannot disagree about an argument; a new op needs no change to
 * the API. Activations are {@code rows x numCases}: input {@code C*S*S}, output {@code O*S*S} rows.
 */
public final class CmPoolContract {
    /** The layer type and kernel family. */
    public static final String TYPE = "cmpool";
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.FORWARD;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "output", output);
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "output", output, "outputGrad", outputGrad, "inputGrad", inputGrad);
        }
    }
}
