package org.jconvnet.backend.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.kernel.contract.KernelSamples;
import org.jconvnet.api.kernel.contract.SampleRunner;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code cpu-blas} kernel against the float64 oracle (the CPU reference's kernel of the same
 * contract) over the contracts' sample table ({@link KernelSamples}: edge cases and the seed net's
 * sizes, with accumulate false and true), each tensor within the sample's tolerance times the
 * largest reference magnitude. The same samples also run on a backend of one worker and of three:
 * results must be bit-identical, so they depend neither on the run nor on the number of cores.
 */
class KernelParityTest {
    private static Backend cpu;
    private static Backend blas;
    private static Backend oneWorker;
    private static Backend threeWorkers;

    private static synchronized void start() {
        assumeTrue(new BlasBackendProvider().probe().available(), () -> new BlasBackendProvider().probe().detail());
        if (cpu == null) {
            cpu = new CpuBackendProvider().create(BackendConfig.defaults());
            blas = new BlasBackendProvider().create(BackendConfig.defaults());
            oneWorker = new BlasBackendProvider().create(new BackendConfig(Map.of(BlasBackendProvider.THREADS_KEY, "1")));
            threeWorkers = new BlasBackendProvider().create(new BackendConfig(Map.of(BlasBackendProvider.THREADS_KEY, "3")));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyKernelMatchesTheFloat64Reference() {
        return KernelSamples.of(KernelSample.Kind.EDGE, KernelSample.Kind.SEED).stream()
                .map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s)));
    }

    private static void check(KernelSample s) {
        start();
        Map<String, double[]> data = SampleRunner.data(s, cpu);
        Map<String, double[]> got = SampleRunner.run(s, blas, DType.FLOAT32, data);
        Map<String, double[]> ref = SampleRunner.run(s, cpu, DType.FLOAT64, data);
        Map<String, double[]> one = SampleRunner.run(s, oneWorker, DType.FLOAT32, data);
        Map<String, double[]> three = SampleRunner.run(s, threeWorkers, DType.FLOAT32, data);
        SampleRunner.outOfTolerance(s, "cpu-blas", ref, got).ifPresent(Assertions::fail);
        got.forEach((name, g) -> {
            assertArrayEquals(g, one.get(name), s + ": '" + name + "' differs between 1 worker and the default");
            assertArrayEquals(g, three.get(name), s + ": '" + name + "' differs between 3 workers and the default");
        });
    }
}
