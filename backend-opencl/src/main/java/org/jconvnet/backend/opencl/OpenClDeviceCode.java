package org.jconvnet.backend.opencl;

import java.nio.charset.StandardCharsets;
import org.jconvnet.api.kernel.DeviceCode;
import org.jconvnet.api.tensor.Tensor;
import org.jocl.cl_kernel;

/**
 * The {@link DeviceCode} capability of the OpenCL backend: plugin kernel source in the portable
 * dialect, compiled with the same prelude, build options and program cache (keyed by content) as
 * the built-in kernels, and launched through {@link KernelLaunch}.
 */
final class OpenClDeviceCode implements DeviceCode {
    private final OpenClRuntime runtime;

    OpenClDeviceCode(OpenClRuntime runtime) {
        this.runtime = runtime;
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
        return (globalSize, args) -> {
            KernelLaunch launch = new KernelLaunch(runtime, kernel, label);
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Tensor) {
                    launch.mem((Tensor) a);
                } else if (a instanceof Integer) {
                    launch.ints((Integer) a);
                } else if (a instanceof Float || a instanceof Double) {
                    launch.reals(((Number) a).doubleValue());
                } else {
                    throw new IllegalArgumentException("argument " + i + " of OpenCL kernel '" + label
                            + "' has unsupported type " + (a == null ? "null" : a.getClass().getName())
                            + "; expected an OpenCL tensor, Integer, Float or Double");
                }
            }
            launch.run(globalSize);
        };
    }
}
