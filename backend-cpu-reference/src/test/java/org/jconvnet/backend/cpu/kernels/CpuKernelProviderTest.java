package org.jconvnet.backend.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.kernel.contract.KernelSamples;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.kernel.contract.SampleRunner;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op of the built-in table ({@link KernelOps}) is registered, for both dtypes, via
 * ServiceLoader, and no other; every sample runs, in float32 within its tolerance of float64
 * and bit-reproducibly.
 */
class CpuKernelProviderTest {
    @Test
    void everyOpOfTheTableIsDiscoveredForBothDtypesAndNothingElse() {
        Set<KernelKey> keys = KernelRegistry.declaredKeys(getClass().getClassLoader()).get("cpu");
        assertEquals(List.of(), KernelOps.missing(keys, DType.FLOAT32, DType.FLOAT64), "missing CPU kernels");
        assertEquals(List.of(), KernelOps.missing(Launch.BACKEND.kernels().keys(), DType.FLOAT32, DType.FLOAT64),
                "kernels the started backend lacks");
        assertEquals(KernelOps.all().size() * 2, new CpuKernelProvider().kernels().size(), "no keys beyond the table");
    }

    @TestFactory
    Stream<DynamicTest> everySampleRunsInFloat32WithinItsToleranceOfFloat64() {
        return KernelSamples.of(KernelSample.Kind.EDGE, KernelSample.Kind.SEED).stream()
                .map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
                    Map<String, double[]> data = SampleRunner.data(s, Launch.BACKEND);
                    Map<String, double[]> f64 = SampleRunner.run(s, Launch.BACKEND, DType.FLOAT64, data);
                    Map<String, double[]> f32 = SampleRunner.run(s, Launch.BACKEND, DType.FLOAT32, data);
                    Map<String, double[]> again = SampleRunner.run(s, Launch.BACKEND, DType.FLOAT32, data);
                    SampleRunner.outOfTolerance(s, "float32", f64, f32).ifPresent(Assertions::fail);
                    f32.forEach((name, v) -> assertArrayEquals(v, again.get(name), s + ": '" + name
                            + "' is not bit-reproducible"));
                }));
    }

    @Test
    void aTensorOfTheWrongDtypeIsNamedInTheError() {
        KernelCall args = new Neuron.Forward(new Neuron.Function(0, 0, 0), 1,
                Launch.BACKEND.allocate(2, 1, DType.FLOAT64), Launch.BACKEND.allocate(2, 1, DType.FLOAT32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launch.BACKEND.kernels().get(KernelKey.of("neuron", "forward", DType.FLOAT32)).launch(args));
        assertTrue(e.getMessage().contains("'input'") && e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void aTensorSizedForAnotherGeometryIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvKernelsTest.Geo(false, 2, 3, 8, 16, 3, 1, 1, 1).launch(DType.FLOAT32)
                        .zeros("input", 3 * 8 * 8, 3).zeros("weights", 27, 16).zeros("output", 16 * 64, 2)
                        .integer("accumulate", 0).run("conv", "forward"));
        assertTrue(e.getMessage().contains("conv/forward/float32") && e.getMessage().contains("'input'")
                && e.getMessage().contains("192 x 2"), e.getMessage());
    }

    @Test
    void aCallOfAnotherContractIsRefusedNamingBoth() {
        KernelCall neuron = new Neuron.Forward(new Neuron.Function(0, 0, 0), 1,
                Launch.BACKEND.allocate(2, 1, DType.FLOAT32), Launch.BACKEND.allocate(2, 1, DType.FLOAT32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Launch.BACKEND.kernels().get(KernelKey.of("pool", "forward", DType.FLOAT32)).launch(neuron));
        assertTrue(e.getMessage().contains("pool/forward/float32") && e.getMessage().contains("Pool$Forward")
                && e.getMessage().contains("neuron/forward"), e.getMessage());
    }
}
