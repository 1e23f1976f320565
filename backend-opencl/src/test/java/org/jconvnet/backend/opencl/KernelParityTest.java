package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.NamedCalls;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every OpenCL kernel against the float64 oracle: the CPU reference backend's kernel of the same
 * contract when it has the key, else the inline float64 formula of {@link InlineReference}. Each
 * case checks the written tensors within {@code tolerance x max|reference|} (tolerance and its
 * reason live with the case), with {@code accumulate} 0 and 1 where the contract has the flag,
 * and checks that a second launch gives bit-identical results (no atomics, fixed order).
 * {@link KernelCoverageTest} checks, without a device, that every key has cases here.
 */
class KernelParityTest {
    private static Backend cpu;
    private static final Map<String, OpenClBackend> VARIANTS = new java.util.HashMap<>();

    // No @BeforeEach assumption here: for a @TestFactory it would hide the cases (surefire then reports
    // "Tests run: 0"); each dynamic test assumes OpenCL itself, so every case shows up as skipped.

    private static synchronized Backend cpu() {
        if (cpu == null) {
            cpu = new CpuBackendProvider().create(BackendConfig.defaults());
        }
        return cpu;
    }

    @TestFactory
    Stream<DynamicTest> everyKernelMatchesTheFloat64Reference() {
        return KernelCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    /**
     * The variants a GPU runs, forced here on any device: conv/local layers with the tiled kernels
     * (local-memory work-groups) and the blocked ones, each with weight gradients unsplit, split into
     * a few multi-row parts (target 100 work-items) and into one part per module (a huge target), the
     * parts' banks summed by {@code conv_sum_parts}; and fc products with their sums cut into parts
     * (the same targets), summed by {@code fc_sum_parts}. Blocked and unsplit is the default on CPUs,
     * checked above.
     */
    @TestFactory
    Stream<DynamicTest> everyWeightGradientVariantMatchesTheFloat64Reference() {
        return Stream.of("blocked/100", "blocked/1000000000", "tiled/0", "tiled/100", "tiled/1000000000")
                .flatMap(variant -> KernelCases.all().stream()
                        .filter(c -> c.layer.equals("conv") || c.layer.equals("local") || c.layer.equals("fc"))
                        .map(c -> DynamicTest.dynamicTest(variant + ": " + c, () -> {
                            OpenClTestSupport.assumeOpenCl();
                            check(c, variantBackend(variant));
                        })));
    }

    /** A backend for {@code kernel/splitItems}, created once per variant. */
    private static synchronized OpenClBackend variantBackend(String variant) {
        return VARIANTS.computeIfAbsent(variant, v -> (OpenClBackend) new OpenClBackendProvider().create(new BackendConfig(
                Map.of(OpenClBackend.CONV_KERNELS_KEY, v.split("/")[0], OpenClBackend.SPLIT_KEY, v.split("/")[1]))));
    }

    private static void check(KernelCase c) {
        OpenClTestSupport.assumeOpenCl();
        check(c, OpenClTestSupport.backend());
    }

    private static void check(KernelCase c, OpenClBackend ocl) {
        Map<String, double[]> got = runOn(ocl, DType.FLOAT32, c);
        Map<String, double[]> again = runOn(ocl, DType.FLOAT32, c);
        Map<String, double[]> ref;
        String oracle;
        KernelKey k64 = KernelKey.of(c.layer, c.op, DType.FLOAT64);
        if (cpu().kernels().has(k64)) {
            ref = runOn(cpu(), DType.FLOAT64, c);
            oracle = "cpu reference";
        } else {
            ref = c.copyData();
            InlineReference.run(c.layer, c.op, ref, c.ints, c.reals);
            oracle = "inline float64 formula";
        }
        for (String name : c.outputs) {
            double[] r = ref.get(name);
            double[] g = got.get(name);
            double scale = 0;
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
            double bound = c.tolerance * Math.max(scale, 1e-6);
            double worst = 0;
            int at = -1;
            for (int k = 0; k < r.length; k++) {
                double d = Math.abs(r[k] - g[k]);
                if (!(d <= worst) ) {
                    worst = d;
                    at = k;
                }
            }
            final int where = at;
            final double w = worst;
            assertTrue(w <= bound, () -> c + ": '" + name + "' differs from the " + oracle + " by " + w + " at "
                    + where + " (opencl " + g[where] + ", reference " + r[where] + "); allowed " + bound + " = "
                    + c.tolerance + " x max|ref| " + " (" + c.reason + ")");
            assertArrayEquals(g, again.get(name), c + ": '" + name + "' is not bit-reproducible");
        }
    }

    /** Uploads the case's tensors to {@code b}, launches the key, and downloads every tensor. */
    private static Map<String, double[]> runOn(Backend b, DType dtype, KernelCase c) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        c.shapes.forEach((name, shape) -> {
            Tensor t = b.allocate(shape[0], shape[1], dtype);
            t.upload(c.data.get(name));
            tensors.put(name, t);
        });
        b.kernels().get(KernelKey.of(c.layer, c.op, dtype)).launch(NamedCalls.of(c.layer, c.op, tensors, c.ints, c.reals));
        b.synchronize();
        Map<String, double[]> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            out.put(name, t.download());
            t.close();
        });
        return out;
    }
}
