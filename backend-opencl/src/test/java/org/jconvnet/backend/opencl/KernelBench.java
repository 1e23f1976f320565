package org.jconvnet.backend.opencl;

import java.util.Random;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * Times the conv, local and fc kernels at the geometry of the seed net (layers-conv-local-11pct,
 * batch 128). Not a test: run it by hand ({@code java -cp ... org.jconvnet.backend.opencl.KernelBench [reps]})
 * when tuning kernels; it prints milliseconds per launch and GFLOP/s.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** Runs the benchmark. */
    public static void main(String[] a) {
        int reps = a.length > 0 ? Integer.parseInt(a[0]) : 3;
        String only = a.length > 1 ? a[1] : "";
        try (OpenClBackend b = (OpenClBackend) new OpenClBackendProvider().create(BackendConfig.defaults())) {
            System.out.println("device: " + b.deviceName());
            int n = 128;
            int[][] geoms = { // C, S, F, fs, pad, local
                {3, 32, 64, 5, 2, 0}, {64, 16, 64, 5, 2, 0}, {64, 8, 64, 3, 1, 1}, {64, 8, 32, 3, 1, 1}};
            String[] names = {"conv1", "conv2", "local3", "local4"};
            for (int gi = 0; gi < geoms.length; gi++) {
                int[] g = geoms[gi];
                if (!names[gi].contains(only)) {
                    continue;
                }
                int c = g[0], s = g[1], f = g[2], fs = g[3], p = g[4];
                boolean local = g[5] == 1;
                int m = 1 + (2 * p + s - fs);
                int wRows = (local ? m * m : 1) * c * fs * fs;
                Tensor in = rand(b, c * s * s, n), w = rand(b, wRows, f), out = rand(b, f * m * m, n);
                Tensor og = rand(b, f * m * m, n), ig = rand(b, c * s * s, n), wg = rand(b, wRows, f);
                Filter.Shape shape = new Filter.Shape(local, c, s, f, fs, p, 1, m, 1);
                double flops = 2.0 * c * fs * fs * f * m * m * n;
                time(b, names[gi] + " forward", new Filter.Forward(shape, n, false, in, w, out), flops, reps);
                time(b, names[gi] + " backward-input", new Filter.BackwardInput(shape, n, false, og, w, ig), flops, reps);
                time(b, names[gi] + " backward-weights", new Filter.BackwardWeights(shape, n, false, in, og, wg), flops,
                        reps);
            }
            if ("fc".contains(only) || only.isEmpty()) {
                Tensor in = rand(b, 2048, n), w = rand(b, 2048, 10), out = rand(b, 10, n);
                Fc.Shape shape = new Fc.Shape(2048, 10);
                double flops = 2.0 * 2048 * 10 * n;
                time(b, "fc10 forward", new Fc.Forward(shape, n, false, in, w, out), flops, reps);
                time(b, "fc10 backward-input", new Fc.BackwardInput(shape, n, false, out, w, in), flops, reps);
                time(b, "fc10 backward-weights", new Fc.BackwardWeights(shape, n, false, in, out, w), flops, reps);
            }
        }
    }

    private static Tensor rand(OpenClBackend b, int rows, int cols) {
        Random r = new Random(rows * 31L + cols);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat() - 0.5f;
        }
        Tensor t = b.allocate(rows, cols, DType.FLOAT32);
        t.upload(v);
        return t;
    }

    private static void time(OpenClBackend b, String what, KernelCall args, double flops, int reps) {
        var k = b.kernels().get(args.key(DType.FLOAT32));
        k.launch(args); // warm-up: PoCL specialises per work-group size on first launch
        b.synchronize();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            k.launch(args);
        }
        b.synchronize();
        double ms = (System.nanoTime() - t0) / 1e6 / reps;
        double cpuMs = (os.getProcessCpuTime() - c0) / 1e6 / reps;
        System.out.printf("%-28s %9.2f ms wall %9.2f ms cpu  %7.2f GFLOP/s per cpu-second%n", what, ms, cpuMs,
                flops / cpuMs / 1e6);
    }
}
