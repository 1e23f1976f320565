package org.jconvnet.backend.cuda;

import java.util.Arrays;
import org.jconvnet.api.kernel.DeviceLaunch;

/**
 * The launch shape of one kernel, stated the OpenCL way (a global number of work items per
 * dimension and a work-group size) because the portable kernels index themselves with
 * {@code GLOBAL_ID_X = blockIdx.x * blockDim.x + threadIdx.x}; this class converts it to CUDA's
 * grid of blocks, rounding up, and checks CUDA's limits. Kernels bounds-check, so the threads of the
 * last partial block simply do nothing.
 *
 * @param global work items per dimension (x, y, z), each &gt;= 1
 * @param local  threads per block per dimension (x, y, z), each &gt;= 1
 */
public record LaunchGeometry(long[] global, int[] local) {
    /** CUDA's limit on threads per block (every GPU since compute capability 2.0). */
    public static final int MAX_THREADS_PER_BLOCK = 1024;
    /** CUDA's grid limit in x. */
    public static final long MAX_GRID_X = Integer.MAX_VALUE;
    /** CUDA's grid limit in y and z. */
    public static final long MAX_GRID_YZ = 65535;
    /**
     * Dynamic shared memory a block may take without the function opting in to more
     * ({@code CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES}), on every GPU since compute capability 2.0.
     */
    public static final int MAX_DYNAMIC_SHARED_BYTES = 48 * 1024;

    /** Validates the shape and copies the arrays. */
    public LaunchGeometry {
        if (global.length != 3 || local.length != 3) {
            throw new IllegalArgumentException("launch geometry needs 3 dimensions, got global "
                    + Arrays.toString(global) + " local " + Arrays.toString(local));
        }
        global = global.clone();
        local = local.clone();
        long threads = 1;
        for (int d = 0; d < 3; d++) {
            if (global[d] < 1 || local[d] < 1) {
                throw new IllegalArgumentException("launch geometry must be positive: global "
                        + Arrays.toString(global) + " local " + Arrays.toString(local));
            }
            threads *= local[d];
        }
        if (threads > MAX_THREADS_PER_BLOCK) {
            throw new IllegalArgumentException("block " + Arrays.toString(local) + " has " + threads
                    + " threads; CUDA allows at most " + MAX_THREADS_PER_BLOCK);
        }
    }

    /**
     * The shape of a {@link DeviceLaunch}: blocks of the work-group size it requires, else of
     * {@code defaultBlock} threads.
     */
    public static LaunchGeometry of(DeviceLaunch launch, int defaultBlock) {
        return linear(launch.items(), launch.group() > 0 ? launch.group() : defaultBlock);
    }

    /**
     * The dynamic shared memory of {@code launch}, in bytes: its local-memory arguments' floats.
     *
     * @throws IllegalArgumentException when it exceeds {@link #MAX_DYNAMIC_SHARED_BYTES}
     */
    public static int sharedBytes(DeviceLaunch launch) {
        long bytes = launch.localBytes();
        if (bytes > MAX_DYNAMIC_SHARED_BYTES) {
            throw new IllegalArgumentException("launch needs " + bytes + " bytes of local memory per work-group;"
                    + " CUDA allows at most " + MAX_DYNAMIC_SHARED_BYTES + " of dynamic shared memory per block");
        }
        return (int) bytes;
    }

    /** A one-dimensional launch of {@code n} work items in blocks of {@code block} threads. */
    public static LaunchGeometry linear(long n, int block) {
        return new LaunchGeometry(new long[] {Math.max(1, n), 1, 1}, new int[] {block, 1, 1});
    }

    /** A two-dimensional launch ({@code nx x ny} items, {@code bx x by} blocks). */
    public static LaunchGeometry planar(long nx, long ny, int bx, int by) {
        return new LaunchGeometry(new long[] {Math.max(1, nx), Math.max(1, ny), 1}, new int[] {bx, by, 1});
    }

    /** Blocks per dimension: {@code ceil(global / local)}, checked against CUDA's grid limits. */
    public int[] grid() {
        int[] g = new int[3];
        for (int d = 0; d < 3; d++) {
            long blocks = ceilDiv(global[d], local[d]);
            long limit = d == 0 ? MAX_GRID_X : MAX_GRID_YZ;
            if (blocks > limit) {
                throw new IllegalArgumentException("launch of " + Arrays.toString(global) + " items in blocks of "
                        + Arrays.toString(local) + " needs " + blocks + " blocks in dimension " + "xyz".charAt(d)
                        + "; CUDA allows at most " + limit);
            }
            g[d] = (int) blocks;
        }
        return g;
    }

    /** Threads per block per dimension (a copy). */
    public int[] block() {
        return local.clone();
    }

    /** Total threads launched, including the idle ones of partial blocks. */
    public long launchedThreads() {
        int[] g = grid();
        long t = 1;
        for (int d = 0; d < 3; d++) {
            t *= (long) g[d] * local[d];
        }
        return t;
    }

    /** {@code ceil(a / b)} for positive operands. */
    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaunchGeometry
                && Arrays.equals(global, ((LaunchGeometry) o).global) && Arrays.equals(local, ((LaunchGeometry) o).local);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(global) + Arrays.hashCode(local);
    }

    @Override
    public String toString() {
        return "grid " + Arrays.toString(grid()) + " x block " + Arrays.toString(local) + " for " + Arrays.toString(global);
    }
}
