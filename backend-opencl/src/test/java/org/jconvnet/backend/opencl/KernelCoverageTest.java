package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.kernel.contract.KernelSample;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.opencl.kernels.OpenClKernelProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Key coverage, checked without a device: every key the OpenCL provider declares has parity cases
 * in the contracts' sample table that {@link KernelParityTest} runs, and every float32 key of the CPU reference has an OpenCL kernel.
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
    void coversEveryFloat32KeyOfTheCpuReference() {
        Set<KernelKey> cpuKeys = KernelRegistry.declaredKeys(getClass().getClassLoader()).getOrDefault("cpu", Set.of())
                .stream().filter(k -> k.dtype() == DType.FLOAT32).collect(Collectors.toCollection(TreeSet::new));
        Assumptions.assumeFalse(cpuKeys.isEmpty(), "the CPU reference declares no kernels yet");
        Set<KernelKey> missing = new TreeSet<>(cpuKeys);
        missing.removeAll(new OpenClKernelProvider().kernels().keySet());
        assertEquals(Set.of(), missing, "CPU reference keys without an OpenCL kernel");
    }

}
