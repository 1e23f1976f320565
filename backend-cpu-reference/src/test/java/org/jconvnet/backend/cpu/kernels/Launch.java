package org.jconvnet.backend.cpu.kernels;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;

/** Test helper: builds one kernel launch on the CPU backend found like production finds it. */
final class Launch {
    /** The backend, created through its provider so kernels come from the ServiceLoader registration. */
    static final Backend BACKEND = new CpuBackendProvider().create(BackendConfig.defaults());

    private final DType dtype;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Integer> ints = new LinkedHashMap<>();
    private final Map<String, Double> reals = new LinkedHashMap<>();

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
        return this;
    }

    /** Adds a zeroed tensor. */
    Launch zeros(String name, int rows, int cols) {
        return tensor(name, rows, cols, new double[rows * cols]);
    }

    Launch integer(String name, int value) {
        ints.put(name, value);
        return this;
    }

    Launch real(String name, double value) {
        reals.put(name, value);
        return this;
    }

    /**
     * Runs {@code type/op} with the call built from the named arguments given so far (the names of
     * its record's components), and returns this launch, whose tensors then hold the results.
     */
    Launch run(String type, String op) {
        BACKEND.kernels().get(KernelKey.of(type, op, dtype)).launch(NamedCalls.of(type, op, tensors, ints, reals));
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
