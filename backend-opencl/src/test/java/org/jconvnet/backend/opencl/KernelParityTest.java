package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.kernel.contract.KernelSamples;
import org.jconvnet.api.kernel.contract.SampleRunner;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every OpenCL kernel against the float64 oracle, the CPU reference backend's kernel of the same
 * contract, over the contracts' sample table ({@link KernelSamples}: the edge cases and the seed
 * net's sizes, with {@code accumulate} false and true where the contract has the flag). Each
 * sample checks every tensor within {@code tolerance x max|reference|} (tolerance and its reason
 * live with the sample), and checks that a second launch gives bit-identical results (no atomics,
 * fixed order). {@link KernelCoverageTest} checks, without a device, that every key has samples.
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

    /** The samples parity runs: all but the benchmark sizes. */
    static Stream<KernelSample> samples() {
        return KernelSamples.of(KernelSample.Kind.EDGE, KernelSample.Kind.SEED).stream();
    }

    @TestFactory
    Stream<DynamicTest> everyKernelMatchesTheFloat64Reference() {
        return samples().map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s)));
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
                .flatMap(variant -> samples()
                        .filter(s -> s.layerType().equals(Filter.CONV) || s.layerType().equals(Filter.LOCAL)
                                || s.layerType().equals(Fc.TYPE))
                        .map(s -> DynamicTest.dynamicTest(variant + ": " + s, () -> {
                            OpenClTestSupport.assumeOpenCl();
                            check(s, variantBackend(variant));
                        })));
    }

    /** A backend for {@code kernel/splitItems}, created once per variant. */
    private static synchronized OpenClBackend variantBackend(String variant) {
        return VARIANTS.computeIfAbsent(variant, v -> (OpenClBackend) new OpenClBackendProvider().create(new BackendConfig(
                Map.of(OpenClBackend.CONV_KERNELS_KEY, v.split("/")[0], OpenClBackend.SPLIT_KEY, v.split("/")[1]))));
    }

    private static void check(KernelSample s) {
        OpenClTestSupport.assumeOpenCl();
        check(s, OpenClTestSupport.backend());
    }

    private static void check(KernelSample s, OpenClBackend ocl) {
        Map<String, double[]> data = SampleRunner.data(s, cpu());
        Map<String, double[]> got = SampleRunner.run(s, ocl, DType.FLOAT32, data);
        Map<String, double[]> again = SampleRunner.run(s, ocl, DType.FLOAT32, data);
        Map<String, double[]> ref = SampleRunner.run(s, cpu(), DType.FLOAT64, data);
        SampleRunner.outOfTolerance(s, "opencl", ref, got).ifPresent(Assertions::fail);
        got.forEach((name, g) -> assertArrayEquals(g, again.get(name), s + ": '" + name + "' is not bit-reproducible"));
    }
}
