package org.jconvnet.api.kernel.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;

/**
 * The table of the built-in kernel ops: each op's key (layer type and op) with the record type of
 * its calls, once. The call records return their constant ({@link KernelCall#kernelOp()}), the
 * samples are filed under it ({@link KernelSample#kernelOp()}), and every in-tree backend binds a
 * body to each constant (the CPU reference's and cpu-blas's kernel providers, the GPU launch
 * plans of the {@code kernels} module), so no backend restates which record goes with which key.
 *
 * <p>Adding an op: a record in its family's class, a constant here, its samples in the family's
 * {@code samples()}, and a body in every backend. Tests report what is left out: an op without
 * samples ({@code KernelOpsTest}) and an op some in-tree backend has no kernel for (each backend's
 * provider test, via {@link #missing}).
 */
public final class KernelOps {
    /**
     * Every constant below adds itself here as it is initialised, so the table is written once.
     * It must stay the first field: static fields are initialised in the order they are written.
     */
    private static final List<KernelOp<?>> REGISTERED = new ArrayList<>();

    /** {@code tensor/sgd}. */
    public static final KernelOp<Sgd> SGD = op(Sgd.TYPE, Ops.SGD, Sgd.class);
    /** {@code bias/forward}. */
    public static final KernelOp<Bias.Forward> BIAS_FORWARD = op(Bias.TYPE, Ops.FORWARD, Bias.Forward.class);
    /** {@code bias/backward-weights}. */
    public static final KernelOp<Bias.BackwardWeights> BIAS_BACKWARD_WEIGHTS =
            op(Bias.TYPE, Ops.BACKWARD_WEIGHTS, Bias.BackwardWeights.class);
    /** {@code conv/forward}. */
    public static final KernelOp<Filter.Forward> CONV_FORWARD = op(Filter.CONV, Ops.FORWARD, Filter.Forward.class);
    /** {@code conv/backward-input}. */
    public static final KernelOp<Filter.BackwardInput> CONV_BACKWARD_INPUT =
            op(Filter.CONV, Ops.BACKWARD_INPUT, Filter.BackwardInput.class);
    /** {@code conv/backward-weights}. */
    public static final KernelOp<Filter.BackwardWeights> CONV_BACKWARD_WEIGHTS =
            op(Filter.CONV, Ops.BACKWARD_WEIGHTS, Filter.BackwardWeights.class);
    /** {@code local/forward}. */
    public static final KernelOp<Filter.Forward> LOCAL_FORWARD = op(Filter.LOCAL, Ops.FORWARD, Filter.Forward.class);
    /** {@code local/backward-input}. */
    public static final KernelOp<Filter.BackwardInput> LOCAL_BACKWARD_INPUT =
            op(Filter.LOCAL, Ops.BACKWARD_INPUT, Filter.BackwardInput.class);
    /** {@code local/backward-weights}. */
    public static final KernelOp<Filter.BackwardWeights> LOCAL_BACKWARD_WEIGHTS =
            op(Filter.LOCAL, Ops.BACKWARD_WEIGHTS, Filter.BackwardWeights.class);
    /** {@code fc/forward}. */
    public static final KernelOp<Fc.Forward> FC_FORWARD = op(Fc.TYPE, Ops.FORWARD, Fc.Forward.class);
    /** {@code fc/backward-input}. */
    public static final KernelOp<Fc.BackwardInput> FC_BACKWARD_INPUT =
            op(Fc.TYPE, Ops.BACKWARD_INPUT, Fc.BackwardInput.class);
    /** {@code fc/backward-weights}. */
    public static final KernelOp<Fc.BackwardWeights> FC_BACKWARD_WEIGHTS =
            op(Fc.TYPE, Ops.BACKWARD_WEIGHTS, Fc.BackwardWeights.class);
    /** {@code pool/forward}. */
    public static final KernelOp<Pool.Forward> POOL_FORWARD = op(Pool.TYPE, Ops.FORWARD, Pool.Forward.class);
    /** {@code pool/backward-input}. */
    public static final KernelOp<Pool.BackwardInput> POOL_BACKWARD_INPUT =
            op(Pool.TYPE, Ops.BACKWARD_INPUT, Pool.BackwardInput.class);
    /** {@code cmrnorm/forward}. */
    public static final KernelOp<Norm.Forward> CMRNORM_FORWARD = normForward(Norm.Kind.CMRNORM);
    /** {@code cmrnorm/backward-input}. */
    public static final KernelOp<Norm.BackwardInput> CMRNORM_BACKWARD_INPUT = normBackwardInput(Norm.Kind.CMRNORM);
    /** {@code rnorm/forward}. */
    public static final KernelOp<Norm.Forward> RNORM_FORWARD = normForward(Norm.Kind.RNORM);
    /** {@code rnorm/backward-input}. */
    public static final KernelOp<Norm.BackwardInput> RNORM_BACKWARD_INPUT = normBackwardInput(Norm.Kind.RNORM);
    /** {@code cnorm/forward}. */
    public static final KernelOp<Norm.Forward> CNORM_FORWARD = normForward(Norm.Kind.CNORM);
    /** {@code cnorm/backward-input}. */
    public static final KernelOp<Norm.BackwardInput> CNORM_BACKWARD_INPUT = normBackwardInput(Norm.Kind.CNORM);
    /** {@code neuron/forward}. */
    public static final KernelOp<Neuron.Forward> NEURON_FORWARD = op(Neuron.TYPE, Ops.FORWARD, Neuron.Forward.class);
    /** {@code neuron/backward-input}. */
    public static final KernelOp<Neuron.BackwardInput> NEURON_BACKWARD_INPUT =
            op(Neuron.TYPE, Ops.BACKWARD_INPUT, Neuron.BackwardInput.class);
    /** {@code softmax/forward}. */
    public static final KernelOp<Softmax.Forward> SOFTMAX_FORWARD = op(Softmax.TYPE, Ops.FORWARD, Softmax.Forward.class);
    /** {@code softmax/backward-input}. */
    public static final KernelOp<Softmax.BackwardInput> SOFTMAX_BACKWARD_INPUT =
            op(Softmax.TYPE, Ops.BACKWARD_INPUT, Softmax.BackwardInput.class);
    /** {@code cost.logreg/forward}. */
    public static final KernelOp<Logreg.Forward> LOGREG_FORWARD = op(Logreg.TYPE, Ops.FORWARD, Logreg.Forward.class);
    /** {@code cost.logreg/backward-input}. */
    public static final KernelOp<Logreg.Backward> LOGREG_BACKWARD_INPUT =
            op(Logreg.TYPE, Ops.BACKWARD_INPUT, Logreg.Backward.class);
    /** {@code cost.logreg/backward-softmax}: the same record, the gradient taken through the softmax. */
    public static final KernelOp<Logreg.Backward> LOGREG_BACKWARD_SOFTMAX =
            op(Logreg.TYPE, Ops.BACKWARD_SOFTMAX, Logreg.Backward.class);
    /** {@code cost.sum2/forward}. */
    public static final KernelOp<Sum2.Forward> SUM2_FORWARD = op(Sum2.TYPE, Ops.FORWARD, Sum2.Forward.class);
    /** {@code cost.sum2/backward-input}. */
    public static final KernelOp<Sum2.BackwardInput> SUM2_BACKWARD_INPUT =
            op(Sum2.TYPE, Ops.BACKWARD_INPUT, Sum2.BackwardInput.class);
    /** {@code eltsum/forward}. */
    public static final KernelOp<Eltsum.Forward> ELTSUM_FORWARD = op(Eltsum.TYPE, Ops.FORWARD, Eltsum.Forward.class);
    /** {@code eltsum/backward-input}. */
    public static final KernelOp<Eltsum.BackwardInput> ELTSUM_BACKWARD_INPUT =
            op(Eltsum.TYPE, Ops.BACKWARD_INPUT, Eltsum.BackwardInput.class);
    /** {@code eltmax/forward}. */
    public static final KernelOp<Eltmax.Forward> ELTMAX_FORWARD = op(Eltmax.TYPE, Ops.FORWARD, Eltmax.Forward.class);
    /** {@code eltmax/backward-input}. */
    public static final KernelOp<Eltmax.BackwardInput> ELTMAX_BACKWARD_INPUT =
            op(Eltmax.TYPE, Ops.BACKWARD_INPUT, Eltmax.BackwardInput.class);

    private static final List<KernelOp<?>> ALL = List.copyOf(REGISTERED);

    private KernelOps() {
    }

    private static <C extends KernelCall> KernelOp<C> op(String layerType, String op, Class<C> callType) {
        KernelOp<C> o = KernelOp.of(layerType, op, callType);
        REGISTERED.add(o);
        return o;
    }

    private static KernelOp<Norm.Forward> normForward(Norm.Kind kind) {
        return op(kind.layerType(), Ops.FORWARD, Norm.Forward.class);
    }

    private static KernelOp<Norm.BackwardInput> normBackwardInput(Norm.Kind kind) {
        return op(kind.layerType(), Ops.BACKWARD_INPUT, Norm.BackwardInput.class);
    }

    /** {@return every built-in op, in table order} */
    public static List<KernelOp<?>> all() {
        return ALL;
    }

    /**
     * The built-in op of {@code layerType/op}, if there is one.
     *
     * @param layerType the key's layer type
     * @param op        the key's op
     * @return the op, or empty when no built-in op has that key
     */
    public static Optional<KernelOp<?>> find(String layerType, String op) {
        return ALL.stream().filter(o -> o.layerType().equals(layerType) && o.op().equals(op)).findFirst();
    }

    /**
     * The keys of the built-in ops for {@code dtypes} that {@code declared} lacks, in table order:
     * what a backend's coverage test reports (an empty list when it implements every op).
     *
     * @param declared the keys a backend declares
     * @param dtypes   the element types it should cover
     * @return the keys it lacks
     */
    public static List<KernelKey> missing(Collection<KernelKey> declared, DType... dtypes) {
        List<KernelKey> out = new ArrayList<>();
        for (KernelOp<?> o : ALL) {
            for (DType d : dtypes) {
                if (!declared.contains(o.key(d))) {
                    out.add(o.key(d));
                }
            }
        }
        return out;
    }
}
