package org.jconvnet.api.kernel;

import java.util.Objects;
import org.jconvnet.api.tensor.DType;

/**
 * Identifies one kernel: the layer type whose contract it implements (e.g. {@code conv},
 * or {@code tensor} for generic ops), the op ({@link Ops}) and the element type.
 *
 * @param layerType contract family, usually a cuda-convnet {@code type=}
 * @param op        operation name
 * @param dtype     element type of the tensors
 */
public record KernelKey(String layerType, String op, DType dtype) implements Comparable<KernelKey> {

    /**
     * Validates the components.
     *
     * @param layerType contract family, usually a cuda-convnet {@code type=}
     * @param op operation name
     * @param dtype element type of the tensors
     */
    public KernelKey {
        Objects.requireNonNull(layerType, "layerType");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(dtype, "dtype");
    }

    /**
     * Shorthand constructor.
     *
     * @param layerType contract family, usually a cuda-convnet {@code type=}
     * @param op operation name
     * @param dtype element type of the tensors
     * @return the key
     */
    public static KernelKey of(String layerType, String op, DType dtype) {
        return new KernelKey(layerType, op, dtype);
    }

    @Override
    public int compareTo(KernelKey o) {
        int c = layerType.compareTo(o.layerType);
        if (c == 0) {
            c = op.compareTo(o.op);
        }
        return c != 0 ? c : dtype.compareTo(o.dtype);
    }

    @Override
    public String toString() {
        return layerType + "/" + op + "/" + dtype.label();
    }
}
