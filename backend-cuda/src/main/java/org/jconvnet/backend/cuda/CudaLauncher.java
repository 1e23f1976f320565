package org.jconvnet.backend.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import java.util.List;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.kernel.DeviceLaunch;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.kernels.plan.ScratchBuffers;

/**
 * The one place where a launch reaches the GPU, for built-in plans and plugin kernels alike: turns
 * a {@link DeviceLaunch}'s arguments into the {@code void**} that {@code cuLaunchKernel} wants
 * (tensors and scratch buffers as device pointers, ints, floats) and its geometry into grid and
 * block. Local memory is the launch's dynamic shared memory: each {@link DeviceLaunch.Kind#LOCAL}
 * argument takes the next slice of it and is passed as the slice's offset in floats, which the
 * dialect's {@code BIND_LOCAL_FLOATS} turns back into a pointer. Launches go to the default stream
 * and return at once; errors of the kernel itself surface at the next synchronising call.
 */
final class CudaLauncher {
    /** Threads per block for launches that leave the size to the backend (all are 1-D). */
    static final int DEFAULT_BLOCK = 128;

    private final CudaContext context;
    private final ScratchBuffers scratch;

    CudaLauncher(CudaContext context, ScratchBuffers scratch) {
        this.context = context;
        this.scratch = scratch;
    }

    /**
     * Launches {@code f} as {@code launch} describes; zero work-items is a no-op.
     *
     * @param label names the function in errors
     */
    void launch(CUfunction f, String label, DeviceLaunch launch) {
        if (launch.items() <= 0) {
            return;
        }
        List<DeviceLaunch.Arg> args = launch.args();
        NativePointerObject[] params = new NativePointerObject[args.size()];
        long localOffset = 0; // floats into the dynamic shared memory
        for (int i = 0; i < params.length; i++) {
            DeviceLaunch.Arg a = args.get(i);
            params[i] = switch (a.kind()) {
                case TENSOR -> Pointer.to(CudaTensor.of((Tensor) a.value()).pointer());
                case SCRATCH -> Pointer.to(CudaTensor.of(scratch.get((String) a.value(), a.elements())).pointer());
                case INT -> Pointer.to(new int[] {(Integer) a.value()});
                case FLOAT -> Pointer.to(new float[] {(Float) a.value()});
                case LOCAL -> Pointer.to(new int[] {(int) localOffset});
            };
            if (a.kind() == DeviceLaunch.Kind.LOCAL) {
                localOffset += a.elements();
            }
        }
        LaunchGeometry geometry;
        int[] grid;
        int shared;
        try {
            geometry = LaunchGeometry.of(launch, DEFAULT_BLOCK);
            grid = geometry.grid();
            shared = LaunchGeometry.sharedBytes(launch);
        } catch (IllegalArgumentException e) {
            throw new JConvNetException("cuda kernel '" + label + "' cannot be launched: " + e.getMessage(), e);
        }
        int[] block = geometry.block();
        context.makeCurrent();
        try {
            cuLaunchKernel(f, grid[0], grid[1], grid[2], block[0], block[1], block[2], shared, null,
                    Pointer.to(params), null);
        } catch (RuntimeException e) {
            throw new JConvNetException("cuda launch of '" + label + "' with " + geometry + " and " + shared
                    + " bytes of shared memory failed: " + e.getMessage(), e);
        }
    }
}
