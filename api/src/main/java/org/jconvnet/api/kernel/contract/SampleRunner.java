package org.jconvnet.api.kernel.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * Runs {@link KernelSample}s on a backend, the part every harness of the table shares (the
 * backends' parity tests, the CPU reference's tests; a third-party backend's own tests too):
 * {@link #data} makes a sample's starting data once, on a reference backend, and {@link #run}
 * runs the sample's call on any backend from that data and returns every tensor after it.
 */
public final class SampleRunner {
    private SampleRunner() {
    }

    /**
     * The starting contents of every tensor of {@code sample}: its seeded fills, after its
     * {@link KernelSample.Calls#prepare()} calls ran on {@code reference} in float64, rounded to
     * float32 so that every backend and dtype starts from the same values.
     *
     * @param sample the sample
     * @param reference the float64 CPU reference backend
     * @return the contents by tensor name
     */
    public static Map<String, double[]> data(KernelSample sample, Backend reference) {
        Random random = new Random(sample.seed());
        Allocator a = new Allocator(reference, DType.FLOAT64);
        try {
            KernelSample.Calls calls = sample.build().apply(new SampleTensors() {
                @Override
                public Tensor tensor(String name, long rows, long cols, Fill fill) {
                    return a.allocate(name, rows, cols, index -> fill.at(index, (float) (random.nextDouble() * 2 - 1)));
                }
            });
            for (KernelCall p : calls.prepare()) {
                reference.kernels().get(p.key(DType.FLOAT64)).launch(p);
            }
            reference.synchronize();
            Map<String, double[]> out = a.download();
            out.values().forEach(v -> {
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) v[k];
                }
            });
            return out;
        } finally {
            a.close();
        }
    }

    /**
     * Runs {@code sample}'s call (not its preparation) on {@code backend} in {@code dtype}, its
     * tensors starting from {@code data}, and returns every tensor's contents afterwards.
     *
     * @param sample the sample
     * @param backend the backend under test
     * @param dtype the element type to run in
     * @param data the starting contents by tensor name, from {@link #data}
     * @return the contents afterwards by tensor name
     */
    public static Map<String, double[]> run(KernelSample sample, Backend backend, DType dtype, Map<String, double[]> data) {
        Allocator a = new Allocator(backend, dtype);
        try {
            KernelCall call = sample.build().apply(new SampleTensors() {
                @Override
                public Tensor tensor(String name, long rows, long cols, Fill fill) {
                    double[] v = data.get(name);
                    if (v == null) {
                        throw new IllegalArgumentException(sample + ": no data for tensor '" + name + "'");
                    }
                    return a.allocate(name, rows, cols, index -> v[index]);
                }
            }).call();
            if (!call.kernelOp().equals(sample.kernelOp())) {
                throw new IllegalArgumentException(sample + ": its call is a call of " + call.kernelOp()
                        + ", not of the op it is filed under");
            }
            backend.kernels().get(call.key(dtype)).launch(call);
            backend.synchronize();
            return a.download();
        } finally {
            a.close();
        }
    }

    /**
     * What a parity test reports: the first tensor of {@code result} farther from
     * {@code reference} than {@code sample}'s tolerance allows (the tolerance times the largest
     * magnitude of the reference tensor, at least 1e-6), named with the element, both values and
     * the bound; empty when every tensor is within it. {@code label} names the result's side (a
     * backend, a dtype) in the message.
     *
     * @param sample    the sample run
     * @param label     the result's side, for the message
     * @param reference the reference's tensors after the call, by name
     * @param result    the tested backend's tensors after the call, by name
     * @return the finding, or empty when every tensor is within the tolerance
     */
    public static Optional<String> outOfTolerance(KernelSample sample, String label, Map<String, double[]> reference,
                                                  Map<String, double[]> result) {
        for (Map.Entry<String, double[]> e : reference.entrySet()) {
            double[] r = e.getValue();
            double[] g = result.get(e.getKey());
            double scale = 1e-6;
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
            double bound = sample.tolerance() * scale;
            double worst = 0;
            int at = -1;
            for (int k = 0; k < r.length; k++) {
                double d = Math.abs(r[k] - g[k]);
                if (!(d <= worst)) { // a NaN difference counts as the worst
                    worst = d;
                    at = k;
                }
            }
            if (!(worst <= bound)) {
                return Optional.of(sample + ": '" + e.getKey() + "' differs from the reference by " + worst + " at " + at
                        + " (" + label + " " + g[at] + ", reference " + r[at] + "); allowed " + bound + " = "
                        + sample.tolerance() + " x max|ref| (" + sample.reason() + ")");
            }
        }
        return Optional.empty();
    }

    /** The tensors of one sample run, by name; a name asked for twice is the same tensor. */
    private static final class Allocator {
        private final Backend backend;
        private final DType dtype;
        private final Map<String, Tensor> tensors = new LinkedHashMap<>();

        Allocator(Backend backend, DType dtype) {
            this.backend = backend;
            this.dtype = dtype;
        }

        Tensor allocate(String name, long rows, long cols, java.util.function.IntToDoubleFunction values) {
            Tensor t = tensors.get(name);
            if (t != null) {
                return t;
            }
            t = backend.allocate(Math.toIntExact(rows), Math.toIntExact(cols), dtype);
            double[] v = new double[Math.toIntExact(rows * cols)];
            for (int k = 0; k < v.length; k++) {
                v[k] = values.applyAsDouble(k);
            }
            t.upload(v);
            tensors.put(name, t);
            return t;
        }

        Map<String, double[]> download() {
            Map<String, double[]> out = new LinkedHashMap<>();
            tensors.forEach((name, t) -> out.put(name, t.download()));
            return out;
        }

        void close() {
            tensors.values().forEach(Tensor::close);
        }
    }
}
