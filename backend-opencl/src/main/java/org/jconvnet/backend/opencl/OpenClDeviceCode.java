package org.jconvnet.backend.opencl;

import java.nio.charset.StandardCharsets;
import org.jconvnet.api.kernel.DeviceCode;
import org.jocl.cl_kernel;

/**
 * The {@link DeviceCode} capability of the OpenCL backend: plugin kernel source in the portable
 * dialect, compiled with the same prelude, build options and program cache (keyed by content) as
 * the built-in kernels, and launched through the same {@link OpenClLauncher}.
 */
final class OpenClDeviceCode implements DeviceCode {
    private final OpenClRuntime runtime;
    private final OpenClLauncher launcher;

    OpenClDeviceCode(OpenClRuntime runtime, OpenClLauncher launcher) {
        this.runtime = runtime;
        this.launcher = launcher;
    }

    @Override
    public String codeKind() {
        return "opencl-source";
    }

    @Override
    public DeviceFunction load(String programName, byte[] code, String entryPoint) {
        String source = KernelSources.read(KernelSources.PRELUDE) + "\n#line 1 \"" + programName + "\"\n"
                + new String(code, StandardCharsets.UTF_8);
        cl_kernel kernel = runtime.kernel(source, programName, entryPoint);
        String label = programName + ":" + entryPoint;
        return launch -> launcher.launch(kernel, label, launch);
    }
}
