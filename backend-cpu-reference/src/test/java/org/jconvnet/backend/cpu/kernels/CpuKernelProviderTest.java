package org.jconvnet.backend.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** Every contract key of docs/kernel-contracts.md is registered, for both dtypes, via ServiceLoader. */
class CpuKernelProviderTest {
    private static final String[] CONTRACT = {
        "tensor/sgd", "bias/forward", "bias/backward-weights",
        "conv/forward", "conv/backward-input", "conv/backward-weights",
        "local/forward", "local/backward-input", "local/backward-weights",
        "fc/forward", "fc/backward-input", "fc/backward-weights", "pool/forward", "pool/backward-input",
        "cmrnorm/forward", "cmrnorm/backward-input", "rnorm/forward", "rnorm/backward-input",
        "cnorm/forward", "cnorm/backward-input", "neuron/forward", "neuron/backward-input",
        "softmax/forward", "softmax/backward-input", "cost.logreg/forward", "cost.logreg/backward-input",
        "cost.logreg/backward-softmax", "cost.sum2/forward", "cost.sum2/backward-input",
        "eltsum/forward", "eltsum/backward-input", "eltmax/forward", "eltmax/backward-input",
    };

    @Test
    void everyContractKeyIsDiscoveredForBothDtypes() {
        Set<KernelKey> keys = KernelRegistry.declaredKeys(getClass().getClassLoader()).get("cpu");
        List<String> missing = new ArrayList<>();
        for (String k : CONTRACT) {
            String[] p = k.split("/");
            for (DType d : DType.values()) {
                KernelKey key = KernelKey.of(p[0], p[1], d);
                if (!keys.contains(key) || !Launch.BACKEND.kernels().has(key)) {
                    missing.add(key.toString());
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing CPU kernels: " + missing);
        assertEquals(CONTRACT.length * 2, new CpuKernelProvider().kernels().size(), "no keys beyond the contract");
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
