package org.jconvnet.backend.opencl;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.kernels.plan.Launch;
import org.jconvnet.kernels.plan.PlanDevice;
import org.jconvnet.kernels.plan.PlanOptions;
import org.jconvnet.kernels.plan.ScratchBuffers;
import org.jocl.cl_kernel;

/**
 * The running OpenCL backend: float32 tensors in device buffers and the kernels of every
 * {@link org.jconvnet.api.kernel.KernelProvider} for {@code opencl}. float64 is not offered: most
 * OpenCL GPUs run it slowly or not at all, and the CPU reference is the float64 oracle.
 */
public final class OpenClBackend implements Backend, PlanDevice {
    /** Setting (or system property {@code jconvnet.opencl.split-items}): the split target of {@link #planOptions()}. */
    public static final String SPLIT_KEY = "opencl.split-items";
    /** Setting (or system property {@code jconvnet.opencl.conv-kernels}): the kernel family of {@link #planOptions()}. */
    public static final String CONV_KERNELS_KEY = "opencl.conv-kernels";
    private final OpenClRuntime runtime;
    private final KernelRegistry kernels;
    private final Map<String, cl_kernel> byName = new ConcurrentHashMap<>();
    private final ScratchBuffers scratch;
    private final OpenClLauncher launcher;
    private final PlanOptions planOptions;

    /**
     * Starts the backend on an opened runtime, discovering kernels on {@code loader}.
     *
     * @param planOptions how the launch plans run ({@link #planOptions()})
     */
    public OpenClBackend(OpenClRuntime runtime, ClassLoader loader, PlanOptions planOptions) {
        this.runtime = runtime;
        this.planOptions = planOptions;
        this.scratch = new ScratchBuffers(floats -> new OpenClTensor(runtime, 1, floats), () -> { });
        this.launcher = new OpenClLauncher(runtime, scratch);
        this.kernels = KernelRegistry.discover(this, loader);
    }

    /**
     * The plan options a device gets unless set: on a GPU the tiled conv kernels (local-memory
     * tiles, coalesced loads) and long sums split to {@value PlanOptions#GPU_SPLIT_ITEMS} work-items,
     * whose threads would otherwise idle; on a CPU device the register-blocked kernels, which PoCL
     * vectorises, and no split, its few cores being busy already.
     */
    public static PlanOptions defaultPlanOptions(OpenClDevice device) {
        return device.gpu() ? PlanOptions.gpu() : PlanOptions.cpu();
    }

    /** The backend behind {@code b}, failing clearly when a kernel is handed another backend. */
    public static OpenClBackend of(Backend b) {
        if (b instanceof OpenClBackend) {
            return (OpenClBackend) b;
        }
        throw new IllegalArgumentException("an OpenCL kernel was created for backend '" + b.id() + "'");
    }

    @Override
    public String id() {
        return OpenClBackendProvider.ID;
    }

    @Override
    public String deviceName() {
        return runtime.device().describe();
    }

    @Override
    public Set<DType> supportedDTypes() {
        return EnumSet.of(DType.FLOAT32);
    }

    @Override
    public OpenClTensor allocate(int rows, int cols, DType dtype) {
        if (dtype != DType.FLOAT32) {
            throw new JConvNetException("the OpenCL backend supports float32 only; " + dtype.label()
                    + " is not offered (use the cpu backend for float64), asked for a " + rows + "x" + cols + " tensor");
        }
        return new OpenClTensor(runtime, rows, cols);
    }

    /**
     * How the launch plans run: which conv/local kernel family and how far long sums are split
     * ({@link #defaultPlanOptions}, overridden by settings {@value #CONV_KERNELS_KEY} and {@value #SPLIT_KEY}).
     */
    @Override
    public PlanOptions planOptions() {
        return planOptions;
    }

    /**
     * Runs one launch of a built-in entry point: the program of its {@code .kc} source is built
     * and cached on first use, and the launch goes through the same launcher as plugin kernels'.
     */
    @Override
    public void launch(Launch launch) {
        cl_kernel k = byName.computeIfAbsent(launch.source() + '#' + launch.entry(),
                key -> runtime.kernel(KernelSources.program(launch.source()), launch.source(), launch.entry()));
        launcher.launch(k, launch.entry(), launch.device());
    }

    /** The runtime, for tests and diagnostics. */
    public OpenClRuntime runtime() {
        return runtime;
    }

    @Override
    public KernelRegistry kernels() {
        return kernels;
    }

    /**
     * Offers {@link org.jconvnet.api.kernel.DeviceCode}, so layer plugins can bring OpenCL kernels,
     * and {@link org.jconvnet.api.backend.ComputePeak}: on a non-GPU device (PoCL) the host's sgemm
     * rate is the peak; a GPU's is unknown (no probe yet).
     */
    @Override
    public <T> java.util.Optional<T> capability(Class<T> type) {
        if (type == org.jconvnet.api.kernel.DeviceCode.class) {
            return java.util.Optional.of(type.cast(new OpenClDeviceCode(runtime, launcher)));
        }
        if (type == org.jconvnet.api.backend.ComputePeak.class) {
            return java.util.Optional.of(type.cast(runtime.device().gpu() ? org.jconvnet.api.backend.ComputePeak.unknownDevice()
                    : org.jconvnet.api.backend.ComputePeak.host()));
        }
        return java.util.Optional.empty();
    }

    @Override
    public void synchronize() {
        runtime.finish();
    }

    @Override
    public synchronized void close() {
        try {
            scratch.close();
        } catch (RuntimeException e) {
            // best effort: the context release below frees device memory anyway
        }
        runtime.close();
    }
}
