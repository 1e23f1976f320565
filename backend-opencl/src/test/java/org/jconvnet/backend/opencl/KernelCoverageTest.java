package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.opencl.kernels.OpenClKernelProvider;
import org.junit.jupiter.api.Test;

/**
 * Key coverage, checked without a device: every key the OpenCL provider declares has parity cases
 * in the contracts' sample table that {@link KernelParityTest} runs, and every op of the built-in table ({@link KernelOps}) has an OpenCL kernel.
 */
class KernelCoverageTest {
    @Test
    void everyDeclaredKeyHasACase() {
        Set<String> declared = new OpenClKernelProvider().kernels().keySet().stream()
                .map(k -> k.layerType() + "/" + k.op()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = KernelParityTest.samples().map(KernelSample::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, tested);
        assertTrue(new OpenClKernelProvider().kernels().keySet().stream().allMatch(k -> k.dtype() == DType.FLOAT32));
    }

    @Test
    void coversEveryOpOfTheTable() {
        assertEquals(List.of(), KernelOps.missing(new OpenClKernelProvider().kernels().keySet(), DType.FLOAT32),
                "ops of the table without an OpenCL kernel");
        assertEquals(KernelOps.all().size(), new OpenClKernelProvider().kernels().size(), "no keys beyond the table");
    }
}
