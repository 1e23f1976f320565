package org.jconvnet.backend.cuda;

import java.util.EnumSet;
import java.util.Set;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.kernels.plan.Launch;
import org.jconvnet.kernels.plan.PlanDevice;
import org.jconvnet.kernels.plan.PlanOptions;
import org.jconvnet.kernels.plan.ScratchBuffers;

/**
 * The running CUDA backend: the primary context of one device, the module cache, the launcher
 * and the kernels of every {@code cuda} kernel provider. Kernels are float32.
 */
public final class CudaBackend implements Backend, PlanDevice {
    /** Setting (or system property {@code jconvnet.cuda.conv-kernels}): {@code tiled} (default) or {@code blocked}. */
    public static final String CONV_KERNELS_KEY = "cuda.conv-kernels";
    /** Setting (or system property {@code jconvnet.cuda.split-items}): the split target in work-items (0: never split). */
    public static final String SPLIT_KEY = "cuda.split-items";
    private final CudaContext context;
    private final CudaModuleCache modules;
    private final CudaLauncher launcher;
    private final KernelRegistry kernels;
    private final ScratchBuffers scratch;
    private final PlanOptions planOptions;

    private CudaBackend(CudaContext context, CudaModuleCache modules, PlanOptions planOptions, ClassLoader loader) {
        this.context = context;
        this.modules = modules;
        this.planOptions = planOptions;
        this.scratch = new ScratchBuffers(floats -> new CudaTensor(context, 1, floats, DType.FLOAT32),
                context::synchronize);
        this.launcher = new CudaLauncher(context, scratch);
        this.kernels = KernelRegistry.discover(this, loader);
    }

    /**
     * Opens device {@code ordinal}; {@code cuda.image} and {@code cuda.ptxIsa} choose how modules
     * load, {@code cuda.conv-kernels} and {@code cuda.split-items} the {@link #planOptions()}.
     */
    static CudaBackend open(int ordinal, ClassLoader loader, BackendConfig config) {
        PlanOptions options = planOptions(config);
        KernelImages images = KernelImages.load(CudaBackend.class.getClassLoader());
        CudaContext ctx = CudaContext.open(ordinal);
        try {
            CudaModuleCache cache = new CudaModuleCache(ctx, images, config.get("cuda.image").orElse("auto"),
                    config.get("cuda.ptxIsa").orElse(null));
            return new CudaBackend(ctx, cache, options, loader);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** The GPU defaults ({@link PlanOptions#gpu()}), overridden by {@code cuda.conv-kernels} and {@code cuda.split-items}. */
    static PlanOptions planOptions(BackendConfig config) {
        try {
            return PlanOptions.withSettings(PlanOptions.gpu(), config::get, CONV_KERNELS_KEY, SPLIT_KEY);
        } catch (IllegalArgumentException e) {
            throw new JConvNetException("cuda: " + e.getMessage(), e);
        }
    }

    /** How this backend's kernel plans run: which conv kernels, how far sums are split. */
    @Override
    public PlanOptions planOptions() {
        return planOptions;
    }

    @Override
    public String id() {
        return CudaBackendProvider.ID;
    }

    @Override
    public String deviceName() {
        return context.device().describe();
    }

    @Override
    public Set<DType> supportedDTypes() {
        return EnumSet.of(DType.FLOAT32);
    }

    @Override
    public Tensor allocate(int rows, int cols, DType dtype) {
        return new CudaTensor(context, rows, cols, dtype);
    }

    @Override
    public KernelRegistry kernels() {
        return kernels;
    }

    /** Casts a backend handed to a CUDA kernel factory, failing clearly for another backend. */
    public static CudaBackend of(Backend backend) {
        if (backend instanceof CudaBackend) {
            return (CudaBackend) backend;
        }
        throw new IllegalArgumentException("backend '" + backend.id() + "' is not the cuda backend");
    }

    /**
     * Runs one launch of a built-in entry point: its module is loaded on first use, and the launch
     * goes through the same launcher as plugin kernels'.
     */
    @Override
    public void launch(Launch launch) {
        launcher.launch(modules.function(launch.entry()), launch.entry(), launch.device());
    }

    @Override
    public <T> java.util.Optional<T> capability(Class<T> type) {
        if (type == org.jconvnet.api.kernel.DeviceCode.class) {
            return java.util.Optional.of(type.cast(new CudaDeviceCode(modules, launcher)));
        }
        return java.util.Optional.empty();
    }

    @Override
    public void synchronize() {
        context.synchronize();
    }

    @Override
    public void close() {
        scratch.close();
        modules.close();
        context.close();
    }
}
