package org.jconvnet.api.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * One kernel launch as a typed value: a record of a contract family (the built-in ones are in
 * {@link org.jconvnet.api.kernel.contract}; a plugin defines its own the same way). The record's
 * components are the contract's arguments, so a layer that forgets or misspells one does not
 * compile, and a kernel reads typed fields instead of looking names up.
 *
 * <p>A record implements one method, {@link #kernelOp()}: the constant of the op it is a call
 * of. Everything else is derived: the key ({@link #layerType()}, {@link #op()}, the dtype comes
 * from the run) and the tensors by their contract names ({@link #tensors()}: the record's
 * {@link Tensor} components), so a backend checks dtype and ownership of every tensor in one
 * place whatever the op, and error messages name the argument.
 */
public interface KernelCall {

    /** {@return the op this is a call of (a constant of its contract, e.g. {@code KernelOps.POOL_FORWARD})} */
    KernelOp<?> kernelOp();

    /** {@return the kernel key's layer type (contract family), e.g. {@code pool}} */
    default String layerType() {
        return kernelOp().layerType();
    }

    /** {@return the kernel key's op ({@link Ops})} */
    default String op() {
        return kernelOp().op();
    }

    /**
     * The call's tensors by contract name, in the contract's order. By default, for a record: its
     * {@link Tensor} components, named as the components are, in declaration order; a record with
     * optional tensors overrides this to leave out the ones a call does not pass (and a call that
     * is not a record must override it).
     *
     * @return the call's tensors by contract name, in the contract's order
     * @throws IllegalArgumentException naming the argument when a required tensor is null
     */
    default Map<String, Tensor> tensors() {
        return CallTensors.of(this);
    }

    /**
     * The map {@link #tensors()} returns, from alternating names and tensors:
     * {@code named("input", input, "output", output)}.
     *
     * @param nameThenTensor a name, its tensor (or {@code null} for an optional tensor not passed),
     *     the next name, ...
     * @return the tensors by name, in the order given, without the {@code null} ones
     * @throws IllegalArgumentException naming the argument when a tensor is null
     */
    static Map<String, Tensor> named(Object... nameThenTensor) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int k = 0; k < nameThenTensor.length; k += 2) {
            String name = (String) nameThenTensor[k];
            if (nameThenTensor[k + 1] == null) {
                throw new IllegalArgumentException("kernel tensor argument '" + name + "' is null");
            }
            m.put(name, (Tensor) nameThenTensor[k + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The key this call launches for element type {@code dtype}.
     *
     * @param dtype the element type of the call's tensors
     * @return the key this call launches for element type {@code dtype}
     */
    default KernelKey key(DType dtype) {
        return KernelKey.of(layerType(), op(), dtype);
    }

    /**
     * {@code call} as the record type a kernel for {@code key} takes: what each backend's kernel
     * table does once per launch, so kernel bodies receive their own record
     * ({@link KernelOp#cast} does this for an op's record type).
     *
     * @param <C> the contract's record type
     * @param type the contract's record class
     * @param key the key being launched, for the error message
     * @param call the call to cast
     * @return {@code call}, cast to {@code type}
     * @throws IllegalArgumentException when the call is of another type or for another key
     */
    static <C extends KernelCall> C as(Class<C> type, KernelKey key, KernelCall call) {
        if (call == null) {
            throw new IllegalArgumentException("kernel " + key + " launched without a call");
        }
        if (!type.isInstance(call) || !call.layerType().equals(key.layerType()) || !call.op().equals(key.op())) {
            throw new IllegalArgumentException("kernel " + key + " takes a " + type.getName() + " for "
                    + key.layerType() + "/" + key.op() + ", got a " + call.getClass().getName() + " for "
                    + call.layerType() + "/" + call.op());
        }
        return type.cast(call);
    }
}
