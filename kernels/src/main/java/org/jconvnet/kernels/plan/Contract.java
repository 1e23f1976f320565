package org.jconvnet.kernels.plan;

import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * Guards the device while a plan reads its call record: geometry is validated by the layers, but a
 * tensor smaller than its contract says would be read past its end on the GPU, silently.
 */
final class Contract {
    private final String key;

    /** Checks for the plan of {@code key} ({@code layer/op}, named in every message). */
    Contract(String key) {
        this.key = key;
    }

    /** Tensor argument {@code name}, checked to be float32 and to hold at least {@code elements} values. */
    Tensor t(String name, Tensor t, long elements) {
        if (t == null) {
            throw new IllegalArgumentException(key + ": tensor '" + name + "' is missing");
        }
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(key + ": tensor '" + name + "' is " + t.describe()
                    + "; these kernels run float32 only");
        }
        if (t.size() < elements) {
            throw new IllegalArgumentException(key + ": tensor '" + name + "' is " + t.describe() + " but the contract needs "
                    + elements + " elements");
        }
        return t;
    }

    /** A float32 tensor argument of any size. */
    Tensor t(String name, Tensor t) {
        return t(name, t, 0);
    }

    /** An element count as the kernels' {@code int n}, refusing tensors beyond 2^31 elements. */
    int count(long elements) {
        if (elements > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": " + elements + " elements exceed the kernels' int indexing");
        }
        return (int) elements;
    }

    /** A boolean as the kernels' int flag. */
    static int flag(boolean b) {
        return b ? 1 : 0;
    }

    /** {@code ceil(a / b)} for positive {@code b}. */
    static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }
}
