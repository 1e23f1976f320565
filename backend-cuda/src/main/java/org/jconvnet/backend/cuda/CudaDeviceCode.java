package org.jconvnet.backend.cuda;

import jcuda.driver.CUfunction;
import org.jconvnet.api.kernel.DeviceCode;

/**
 * The {@link DeviceCode} capability of the CUDA backend: plugin-supplied PTX, cubin or fatbin
 * bytes loaded with {@code cuModuleLoadData} (no run-time compilation from source: NVRTC for CUDA
 * 12 is absent on CUDA 13 machines). Launches go through the same {@link CudaLauncher} as the
 * built-in kernels'.
 */
final class CudaDeviceCode implements DeviceCode {
    private final CudaModuleCache modules;
    private final CudaLauncher launcher;

    CudaDeviceCode(CudaModuleCache modules, CudaLauncher launcher) {
        this.modules = modules;
        this.launcher = launcher;
    }

    @Override
    public String codeKind() {
        return "cuda-ptx";
    }

    @Override
    public DeviceFunction load(String programName, byte[] code, String entryPoint) {
        CUfunction f = modules.externalFunction(programName, code, entryPoint);
        String label = programName + ":" + entryPoint;
        return launch -> launcher.launch(f, label, launch);
    }
}
