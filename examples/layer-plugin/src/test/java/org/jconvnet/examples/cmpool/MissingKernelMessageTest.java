package org.jconvnet.examples.cmpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.kernel.MissingKernelException;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when this plugin's layer runs where it has no kernel: the GPU kernels are
 * float32 only, so a float64 run on CUDA names the layer, op, dtype, backend and the backend that
 * has it. No device is needed: the registry reads every provider's keys without touching natives.
 */
class MissingKernelMessageTest {

    @Test
    void float64OnCudaNamesTheCpuAsTheOnlyBackendWithTheKernel() {
        KernelRegistry cuda = KernelRegistry.discover(new IdOnlyBackend("cuda"), getClass().getClassLoader());
        MissingKernelException e = assertThrows(MissingKernelException.class,
                () -> cuda.get(KernelKey.of(CmPoolContract.TYPE, Ops.BACKWARD_INPUT, DType.FLOAT64)));
        assertEquals("no kernel for layer 'cmpool' op 'backward-input' (float64) on backend 'cuda'; backends that"
                + " have it: cpu (jconvnet never falls back to another backend silently)", e.getMessage());
    }

    /** A backend that is only an id: enough for a kernel registry, which creates nothing until asked. */
    private record IdOnlyBackend(String id) implements Backend {
        @Override
        public String deviceName() {
            return "none";
        }

        @Override
        public Set<DType> supportedDTypes() {
            return Set.of(DType.FLOAT32);
        }

        @Override
        public Tensor allocate(int rows, int cols, DType dtype) {
            throw new UnsupportedOperationException("no device");
        }

        @Override
        public KernelRegistry kernels() {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public void synchronize() {
        }

        @Override
        public void close() {
        }
    }
}
