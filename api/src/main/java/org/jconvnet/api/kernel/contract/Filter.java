package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code conv} and {@code local} (cuda-convnet.md §2.4, §3.2, §3.3; cuda-convnet's filterActs, imgActs,
 * weightActs). Input {@code C*S*S x N} (row {@code (c*S + y)*S + x}); output {@code F*M*M x N}
 * (row {@code f*M*M + my*M + mx}); weights {@code Cf*fs*fs x F} for conv and
 * {@code M*M*Cf*fs*fs x F} for local (one bank per module), row {@code (c*fs + fy)*fs + fx},
 * with {@code Cf = C/G}. Module {@code (my, mx)} reads the pixels from
 * {@code (my*stride - padding, mx*stride - padding)}; pixels outside the image are zero.
 */
public final class Filter {
    /** The layer type of shared weights. */
    public static final String CONV = "conv";
    /** The layer type of unshared weights (one filter bank per module). */
    public static final String LOCAL = "local";

    private Filter() {
    }

    /**
     * The geometry of one input of a conv or local layer.
     *
     * @param local      unshared weights: key {@code local}, else {@code conv}
     * @param channels   C, all input channels
     * @param imgSize    S, the input image side
     * @param filters    F, over all groups
     * @param filterSize fs
     * @param padding    zero pixels on each side
     * @param stride     module stride
     * @param modulesX   M, modules per side
     * @param groups     G; C and F are multiples of it
     */
    public record Shape(boolean local, int channels, int imgSize, int filters, int filterSize, int padding,
                        int stride, int modulesX, int groups) {
        /** The kernel key's layer type. */
        public String layerType() {
            return local ? LOCAL : CONV;
        }

        /** Cf = C/G, the channels each filter reads. */
        public int filterChannels() {
            return channels / groups;
        }

        /** Rows of the input: {@code C*S*S}. */
        public long inputRows() {
            return (long) channels * imgSize * imgSize;
        }

        /** Rows of the output: {@code F*M*M}. */
        public long outputRows() {
            return (long) filters * modulesX * modulesX;
        }

        /** Rows of the weights: {@code Cf*fs*fs}, times {@code M*M} for local. */
        public long weightRows() {
            return (long) filterChannels() * filterSize * filterSize * (local ? modulesX * modulesX : 1);
        }
    }

    /**
     * {@code forward}: output row (f, m) (+)= sum over taps (c, fy, fx) of filter f's group of
     * {@code W[m,c,fy,fx,f] * input row (c, y0+fy, x0+fx)}.
     *
     * @param shape      the geometry
     * @param numCases   N
     * @param accumulate add to the output (the second and later inputs of a layer)
     * @param input      {@code C*S*S x N}
     * @param weights    see {@link Filter}
     * @param output     {@code F*M*M x N}
     */
    public record Forward(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor weights, Tensor output)
            implements KernelCall {
        @Override
        public String layerType() {
            return shape.layerType();
        }

        @Override
        public String op() {
            return Ops.FORWARD;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "weights", weights, "output", output);
        }
    }

    /**
     * {@code backward-input}: the transpose of forward, from output gradient to input gradient.
     *
     * @param shape      the geometry
     * @param numCases   N
     * @param accumulate add to the input gradient
     * @param outputGrad {@code F*M*M x N}
     * @param weights    see {@link Filter}
     * @param inputGrad  {@code C*S*S x N}
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor outputGrad, Tensor weights,
                                Tensor inputGrad) implements KernelCall {
        @Override
        public String layerType() {
            return shape.layerType();
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("outputGrad", outputGrad, "weights", weights, "inputGrad", inputGrad);
        }
    }

    /**
     * {@code backward-weights}: {@code dW[(m,) c, fy, fx, f]} (+)= sum over cases (and, for conv,
     * over modules) of input times output gradient.
     *
     * @param shape       the geometry
     * @param numCases    N
     * @param accumulate  add to the weight gradient
     * @param input       {@code C*S*S x N}
     * @param outputGrad  {@code F*M*M x N}
     * @param weightsGrad the weights' shape
     */
    public record BackwardWeights(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor outputGrad,
                                  Tensor weightsGrad) implements KernelCall {
        @Override
        public String layerType() {
            return shape.layerType();
        }

        @Override
        public String op() {
            return Ops.BACKWARD_WEIGHTS;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "outputGrad", outputGrad, "weightsGrad", weightsGrad);
        }
    }
}
