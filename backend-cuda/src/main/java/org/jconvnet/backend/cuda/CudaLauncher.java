package org.jconvnet.backend.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import java.util.List;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.Tensor;

/**
 * Launches one entry point: turns the positional argument list (device tensors, {@code Integer},
 * {@code Float}) into the {@code void**} that {@code cuLaunchKernel} wants and converts the
 * geometry into grid and block. Launches go to the default stream and return at once; errors of
 * the kernel itself surface at the next synchronising call.
 */
final class CudaLauncher {
    private final CudaContext context;
    private final CudaModuleCache modules;

    CudaLauncher(CudaContext context, CudaModuleCache modules) {
        this.context = context;
        this.modules = modules;
    }

    /**
     * Launches {@code entry} with the kernel's positional arguments.
     *
     * @param args {@link CudaTensor}, {@link Integer}, {@link Float} or {@link Double} (narrowed to float) values, in the kernel's parameter order
     */
    void launch(String entry, LaunchGeometry geometry, List<Object> args) {
        launch(modules.function(entry), entry, geometry, args);
    }

    /** Launches an already resolved function; {@code label} names it in errors. */
    void launch(CUfunction f, String entry, LaunchGeometry geometry, List<Object> args) {
        NativePointerObject[] params = new NativePointerObject[args.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = marshal(entry, i, args.get(i));
        }
        int[] grid = geometry.grid();
        int[] block = geometry.block();
        context.makeCurrent();
        try {
            cuLaunchKernel(f, grid[0], grid[1], grid[2], block[0], block[1], block[2], 0, null,
                    Pointer.to(params), null);
        } catch (RuntimeException e) {
            throw new JConvNetException("cuda launch of '" + entry + "' with " + geometry + " failed: " + e.getMessage(), e);
        }
    }

    private static Pointer marshal(String entry, int index, Object arg) {
        if (arg instanceof Tensor) {
            return Pointer.to(CudaTensor.of((Tensor) arg).pointer());
        }
        if (arg instanceof Integer) {
            return Pointer.to(new int[] {(Integer) arg});
        }
        if (arg instanceof Float || arg instanceof Double) {
            return Pointer.to(new float[] {((Number) arg).floatValue()});
        }
        throw new IllegalArgumentException("argument " + index + " of cuda kernel '" + entry + "' has unsupported type "
                + (arg == null ? "null" : arg.getClass().getName()) + "; expected a cuda tensor, Integer, Float or Double");
    }
}
