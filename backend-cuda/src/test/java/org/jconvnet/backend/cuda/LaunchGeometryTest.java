package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jconvnet.api.kernel.DeviceLaunch;
import org.junit.jupiter.api.Test;

/** Grid = ceil(global / local) per dimension, within CUDA's limits. */
class LaunchGeometryTest {

    @Test
    void linearRoundsUpToWholeBlocks() {
        LaunchGeometry g = LaunchGeometry.linear(1000, 256);
        assertArrayEquals(new int[] {4, 1, 1}, g.grid());
        assertArrayEquals(new int[] {256, 1, 1}, g.block());
        assertEquals(1024, g.launchedThreads());
        assertArrayEquals(new int[] {1, 1, 1}, LaunchGeometry.linear(256, 256).grid());
        assertArrayEquals(new int[] {2, 1, 1}, LaunchGeometry.linear(257, 256).grid());
    }

    @Test
    void emptyLaunchStillRunsOneBlockSoKernelsBoundsCheck() {
        assertArrayEquals(new int[] {1, 1, 1}, LaunchGeometry.linear(0, 128).grid());
    }

    @Test
    void aDeviceLaunchGetsItsRequiredBlockElseTheDefault() {
        LaunchGeometry exact = LaunchGeometry.of(DeviceLaunch.builder().local("tile", 64).itemsInGroupsOf(100, 64), 128);
        assertArrayEquals(new int[] {2, 1, 1}, exact.grid());
        assertArrayEquals(new int[] {64, 1, 1}, exact.block());
        LaunchGeometry any = LaunchGeometry.of(DeviceLaunch.builder().items(1000, 16), 128);
        assertArrayEquals(new int[] {8, 1, 1}, any.grid(), "the CPU hint is ignored on a GPU");
        assertArrayEquals(new int[] {128, 1, 1}, any.block());
    }

    @Test
    void localMemoryIsDynamicSharedMemoryWithinTheDefaultLimit() {
        DeviceLaunch two = DeviceLaunch.builder().local("a", 64).integer("n", 1).local("b", 32).groups(1, 64);
        assertEquals(384, LaunchGeometry.sharedBytes(two));
        assertEquals(0, LaunchGeometry.sharedBytes(DeviceLaunch.builder().items(1)));
        DeviceLaunch big = DeviceLaunch.builder().local("a", 12 * 1024 + 1).groups(1, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchGeometry.sharedBytes(big));
        assertEquals("launch needs 49156 bytes of local memory per work-group; CUDA allows at most 49152 of dynamic"
                + " shared memory per block", e.getMessage());
    }

    @Test
    void planarRoundsEachDimension() {
        LaunchGeometry g = LaunchGeometry.planar(29, 37, 16, 16);
        assertArrayEquals(new int[] {2, 3, 1}, g.grid());
        assertArrayEquals(new int[] {16, 16, 1}, g.block());
    }

    @Test
    void limitsAreChecked() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new LaunchGeometry(new long[] {1, 1, 1}, new int[] {64, 32, 1}));
        assertTrue(big.getMessage().contains("2048 threads; CUDA allows at most 1024"), big.getMessage());
        IllegalArgumentException gridY = assertThrows(IllegalArgumentException.class,
                () -> LaunchGeometry.planar(1, 65536L * 4 + 1, 1, 4).grid());
        assertTrue(gridY.getMessage().contains("dimension y"), gridY.getMessage());
        assertEquals(Integer.MAX_VALUE, LaunchGeometry.linear((long) Integer.MAX_VALUE * 32, 32).grid()[0]);
        assertThrows(IllegalArgumentException.class,
                () -> LaunchGeometry.linear((long) Integer.MAX_VALUE * 32 + 1, 32).grid());
    }
}
