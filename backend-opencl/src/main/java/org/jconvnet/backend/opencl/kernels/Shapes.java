package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * Guards the device from out-of-bounds accesses: geometry is validated by the layers, but a
 * tensor smaller than its contract says would be read past its end on the device, silently.
 */
final class Shapes {
    /** CASE_CHUNK of prelude.h: consecutive cases one work-item handles in chunked kernels. */
    static final int CASE_CHUNK = 8;

    private Shapes() {
    }

    /** Work-items of a chunked launch: {@code rows * ceil(numCases / CASE_CHUNK)}. */
    static long chunkedItems(long rows, int numCases) {
        return rows * ((numCases + CASE_CHUNK - 1) / CASE_CHUNK);
    }

    /** The named tensor, checked to be float32 and to hold at least {@code elements} values. */
    static Tensor tensor(KernelArgs args, String kernel, String name, long elements) {
        Tensor t = args.tensor(name);
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(kernel + ": tensor '" + name + "' is " + t.describe()
                    + "; the OpenCL backend runs float32 only");
        }
        if (t.size() < elements) {
            throw new IllegalArgumentException(kernel + ": tensor '" + name + "' is " + t.describe() + " but the "
                    + "contract needs " + elements + " elements " + args);
        }
        return t;
    }
}
