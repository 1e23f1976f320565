package org.jconvnet.backend.opencl;

import java.util.Random;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.kernel.contract.KernelSamples;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * Times the conv, local and fc kernels at the geometry of the seed net (layers-conv-local-11pct,
 * batch 128): the benchmark samples of the contracts' table ({@code KernelSample.Kind.BENCH}). Not a
 * test: run it by hand ({@code java -cp ... org.jconvnet.backend.opencl.KernelBench [reps [filter]]},
 * the filter a layer type or a part of a sample's label such as {@code conv2}) when tuning kernels;
 * it prints milliseconds per launch and GFLOP/s.
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
            for (KernelSample sample : KernelSamples.of(KernelSample.Kind.BENCH)) {
                if (!sample.label().contains(only) && !sample.layerType().contains(only)) {
                    continue;
                }
                KernelCall call = sample.build().apply((name, rows, cols, fill) -> rand(b, (int) rows, (int) cols)).call();
                time(b, sample.toString(), call, flops(call), reps);
            }
        }
    }

    /** Multiply-adds times two of a conv, local or fc call: every op of a layer does the same number. */
    private static double flops(KernelCall call) {
        if (call instanceof Filter.Forward f) {
            return flops(f.shape(), f.numCases());
        } else if (call instanceof Filter.BackwardInput f) {
            return flops(f.shape(), f.numCases());
        } else if (call instanceof Filter.BackwardWeights f) {
            return flops(f.shape(), f.numCases());
        } else if (call instanceof Fc.Forward f) {
            return 2.0 * f.shape().inputs() * f.shape().outputs() * f.numCases();
        } else if (call instanceof Fc.BackwardInput f) {
            return 2.0 * f.shape().inputs() * f.shape().outputs() * f.numCases();
        } else if (call instanceof Fc.BackwardWeights f) {
            return 2.0 * f.shape().inputs() * f.shape().outputs() * f.numCases();
        }
        return Double.NaN;
    }

    private static double flops(Filter.Shape s, int n) {
        return 2.0 * s.filterChannels() * s.filterSize() * s.filterSize() * s.filters() * s.modulesX() * s.modulesX() * n;
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
