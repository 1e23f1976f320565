package org.jconvnet.api.kernel;

import java.util.Objects;
import org.jconvnet.api.tensor.DType;

/**
 * One operation of a kernel contract: the layer type and op of its {@link KernelKey}s (one per
 * dtype) and the {@link KernelCall} record type its calls are. A contract declares each op once
 * as a constant (the built-in ones are in {@link org.jconvnet.api.kernel.contract.KernelOps}; a
 * plugin declares its own the same way), every call record returns its constant from
 * {@link KernelCall#kernelOp()}, and a backend binds a kernel body to the constant: the body then
 * receives calls of type {@code C}, checked by {@link #cast}, and no backend restates which record
 * goes with which key.
 *
 * @param layerType contract family, usually a cuda-convnet {@code type=} (e.g. {@code pool})
 * @param op        operation name ({@link Ops})
 * @param callType  the record type of the calls
 * @param <C>       the record type of the calls
 */
public record KernelOp<C extends KernelCall>(String layerType, String op, Class<C> callType) {

    /**
     * Validates the components.
     *
     * @param layerType contract family
     * @param op        operation name
     * @param callType  the record type of the calls
     */
    public KernelOp {
        Objects.requireNonNull(layerType, "layerType");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(callType, "callType");
    }

    /**
     * Shorthand constructor: {@code KernelOp.of("pool", Ops.FORWARD, Pool.Forward.class)}.
     *
     * @param <C>       the record type of the calls
     * @param layerType contract family
     * @param op        operation name
     * @param callType  the record type of the calls
     * @return the op
     */
    public static <C extends KernelCall> KernelOp<C> of(String layerType, String op, Class<C> callType) {
        return new KernelOp<>(layerType, op, callType);
    }

    /**
     * The key of this op for element type {@code dtype}.
     *
     * @param dtype the element type
     * @return the key
     */
    public KernelKey key(DType dtype) {
        return KernelKey.of(layerType, op, dtype);
    }

    /** {@return {@code layerType/op}, as the sample table and messages name an op} */
    public String name() {
        return layerType + "/" + op;
    }

    /**
     * {@code call} as this op's record type, for the kernel of {@code key} (which names the
     * kernel in the message): what a backend's kernel table does once per launch, so a kernel body
     * receives its own record.
     *
     * @param key  the key being launched (one of this op's), for the message
     * @param call the call
     * @return {@code call} as this op's record type
     * @throws IllegalArgumentException when the call is null, of another type or for another op
     */
    public C cast(KernelKey key, KernelCall call) {
        return KernelCall.as(callType, key, call);
    }

    @Override
    public String toString() {
        return name() + " (" + callType.getName() + ")";
    }
}
