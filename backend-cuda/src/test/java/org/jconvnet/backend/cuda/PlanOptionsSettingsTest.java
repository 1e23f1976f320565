package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.kernels.plan.PlanOptions;
import org.junit.jupiter.api.Test;

/** The cuda backend's plan-option settings, read without a GPU. */
class PlanOptionsSettingsTest {
    @Test
    void defaultsAreTheGpuOptionsAndSettingsOverrideThem() {
        assertEquals(PlanOptions.gpu(), CudaBackend.planOptions(new BackendConfig(Map.of())));
        assertEquals(new PlanOptions(PlanOptions.ConvKernels.BLOCKED, 0), CudaBackend.planOptions(
                new BackendConfig(Map.of(CudaBackend.CONV_KERNELS_KEY, "Blocked", CudaBackend.SPLIT_KEY, " 0 "))));
    }

    @Test
    void aBadValueNamesTheSetting() {
        JConvNetException e = assertThrows(JConvNetException.class, () -> CudaBackend.planOptions(
                new BackendConfig(Map.of(CudaBackend.CONV_KERNELS_KEY, "fast"))));
        assertTrue(e.getMessage().equals("cuda: setting cuda.conv-kernels='fast' must be tiled or blocked"), e.getMessage());
        e = assertThrows(JConvNetException.class, () -> CudaBackend.planOptions(
                new BackendConfig(Map.of(CudaBackend.SPLIT_KEY, "-3"))));
        assertTrue(e.getMessage().contains("cuda.split-items='-3' must be a whole number of work-items"), e.getMessage());
    }
}
