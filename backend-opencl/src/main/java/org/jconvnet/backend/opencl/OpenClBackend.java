package org.jconvnet.backend.opencl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.kernels.plan.PlanOptions;
import org.jocl.cl_kernel;

/**
 * The running OpenCL backend: float32 tensors in device buffers and the kernels of every
 * {@link org.jconvnet.api.kernel.KernelProvider} for {@code opencl}. float64 is not offered: most
 * OpenCL GPUs run it slowly or not at all, and the CPU reference is the float64 oracle.
 */
public final class OpenClBackend implements Backend {
    /** Setting (or system property {@code jconvnet.opencl.split-items}): the split target of {@link #planOptions()}. */
    public static final String SPLIT_KEY = "opencl.split-items";
    /** Setting (or system property {@code jconvnet.opencl.conv-kernels}): the kernel family of {@link #planOptions()}. */
    public static final String CONV_KERNELS_KEY = "opencl.conv-kernels";
    private final OpenClRuntime runtime;
    private final KernelRegistry kernels;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Map<String, cl_kernel> byName = new ConcurrentHashMap<>();
    private final Map<String, OpenClTensor> scratch = new java.util.HashMap<>();
    private final PlanOptions planOptions;

    /**
     * Starts the backend on an opened runtime, discovering kernels on {@code loader}.
     *
     * @param planOptions how the launch plans run ({@link #planOptions()})
     */
    public OpenClBackend(OpenClRuntime runtime, ClassLoader loader, PlanOptions planOptions) {
        this.runtime = runtime;
        this.planOptions = planOptions;
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
     * The backend's scratch buffer {@code name} with at least {@code elements} floats (contents
     * undefined), grown on demand and released when the backend closes. Launches are serialised on
     * the in-order queue, so kernels may share a buffer across launches.
     */
    public synchronized OpenClTensor scratch(String name, long elements) {
        OpenClTensor t = scratch.get(name);
        if (t == null || t.size() < elements) {
            if (elements > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("scratch buffer '" + name + "' of " + elements
                        + " floats exceeds 2^31 elements");
            }
            if (t != null) {
                owned.remove(t);
                t.close();
            }
            t = allocateOwned(1, (int) Math.max(1, elements));
            scratch.put(name, t);
        }
        return t;
    }

    /**
     * How the launch plans run: which conv/local kernel family and how far long sums are split
     * ({@link #defaultPlanOptions}, overridden by settings {@value #CONV_KERNELS_KEY} and {@value #SPLIT_KEY}).
     */
    public PlanOptions planOptions() {
        return planOptions;
    }

    /** A scratch float32 buffer owned by the backend and released when it closes. */
    public synchronized OpenClTensor allocateOwned(int rows, int cols) {
        OpenClTensor t = new OpenClTensor(runtime, rows, cols);
        owned.add(t);
        return t;
    }

    /** Prepares a launch of kernel {@code function} from the shared source {@code file} (built and cached on first use). */
    public KernelLaunch launch(String file, String function) {
        cl_kernel k = byName.computeIfAbsent(file + '#' + function,
                key -> runtime.kernel(KernelSources.program(file), file, function));
        return new KernelLaunch(runtime, k, function);
    }

    /** The runtime, for tests and diagnostics. */
    public OpenClRuntime runtime() {
        return runtime;
    }

    @Override
    public KernelRegistry kernels() {
        return kernels;
    }

    /** Offers {@link org.jconvnet.api.kernel.DeviceCode}, so layer plugins can bring OpenCL kernels. */
    @Override
    public <T> java.util.Optional<T> capability(Class<T> type) {
        if (type == org.jconvnet.api.kernel.DeviceCode.class) {
            return java.util.Optional.of(type.cast(new OpenClDeviceCode(runtime)));
        }
        return java.util.Optional.empty();
    }

    @Override
    public void synchronize() {
        runtime.finish();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the context release below frees device memory anyway
            }
        }
        owned.clear();
        scratch.clear();
        runtime.close();
    }
}
