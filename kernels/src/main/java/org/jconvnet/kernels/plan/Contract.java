package org.jconvnet.kernels.plan;

import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * Reads contract arguments and guards the device: geometry is validated by the layers, but a
 * tensor smaller than its contract says would be read past its end on the GPU, silently.
 */
final class Contract {
    private final KernelArgs args;
    private final String key;

    Contract(KernelArgs args, String key) {
        this.args = args;
        this.key = key;
    }

    /** An integer argument. */
    int i(String name) {
        return args.integer(name);
    }

    /** A real argument. */
    double r(String name) {
        return args.real(name);
    }

    /** A tensor argument, checked to be float32 and to hold at least {@code elements} values. */
    Tensor t(String name, long elements) {
        Tensor t = args.tensor(name);
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(key + ": tensor '" + name + "' is " + t.describe()
                    + "; these kernels run float32 only");
        }
        if (t.size() < elements) {
            throw new IllegalArgumentException(key + ": tensor '" + name + "' is " + t.describe() + " but the contract needs "
                    + elements + " elements " + args);
        }
        return t;
    }

    /** A float32 tensor argument of any size. */
    Tensor t(String name) {
        return t(name, 0);
    }

    /** An element count as the kernels' {@code int n}, refusing tensors beyond 2^31 elements. */
    int count(long elements) {
        if (elements > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": " + elements + " elements exceed the kernels' int indexing");
        }
        return (int) elements;
    }

    /** {@code ceil(a / b)} for positive {@code b}. */
    static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }
}
