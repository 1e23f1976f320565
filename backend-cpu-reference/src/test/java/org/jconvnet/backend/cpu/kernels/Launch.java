package org.jconvnet.backend.cpu.kernels;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;

/** Test helper: builds one kernel launch on the CPU backend found like production finds it. */
final class Launch {
    /** The backend, created through its provider so kernels come from the ServiceLoader registration. */
    static final Backend BACKEND = new CpuBackendProvider().create(BackendConfig.defaults());

    private final DType dtype;
    private final KernelArgs args = KernelArgs.create();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private Launch(DType dtype) {
        this.dtype = dtype;
    }

    static Launch of(DType dtype) {
        return new Launch(dtype);
    }

    /** Adds a {@code rows x cols} tensor holding {@code values} (rounded to the dtype). */
    Launch tensor(String name, int rows, int cols, double[] values) {
        Tensor t = BACKEND.allocate(rows, cols, dtype);
        t.upload(values);
        tensors.put(name, t);
        args.tensor(name, t);
        return this;
    }

    /** Adds a zeroed tensor. */
    Launch zeros(String name, int rows, int cols) {
        return tensor(name, rows, cols, new double[rows * cols]);
    }

    Launch integer(String name, int value) {
        args.integer(name, value);
        return this;
    }

    Launch real(String name, double value) {
        args.real(name, value);
        return this;
    }

    /** Runs {@code type/op} and returns this launch, whose tensors then hold the results. */
    Launch run(String type, String op) {
        BACKEND.kernels().get(KernelKey.of(type, op, dtype)).launch(args);
        return this;
    }

    /** The current contents of tensor {@code name}. */
    double[] get(String name) {
        return tensors.get(name).download();
    }

    /** Replaces the contents of tensor {@code name}. */
    Launch set(String name, double[] values) {
        tensors.get(name).upload(values);
        return this;
    }
}
