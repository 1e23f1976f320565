package org.jconvnet.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void roundTripsFortranFloat32(@TempDir Path dir) {
        NpyArray a = new NpyArray(new int[] {2, 3}, true, DType.FLOAT32, new double[] {1, 2, 3, 4.5, -5, 6});
        Path f = dir.resolve("w.npy");
        Npy.write(f, a);
        NpyArray b = Npy.read(f);
        assertEquals(a, b);
        assertTrue(b.fortranOrder());
    }

    @Test
    void headerIsPaddedToSixtyFourBytes() {
        byte[] bytes = Npy.encode(NpyArray.matrix(3072, 4, DType.FLOAT64, new double[3072 * 4]));
        int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64);
        assertEquals('\n', bytes[10 + headerLen - 1]);
    }

    @Test
    void readsOneDimensionalShape() throws Exception {
        NpyArray a = new NpyArray(new int[] {2}, false, DType.FLOAT64, new double[] {7, 8});
        NpyArray b = Npy.read(new ByteArrayInputStream(Npy.encode(a)), "x");
        assertArrayEquals(new int[] {2}, b.shape());
        assertEquals("(2,)", b.shapeText());
    }

    @Test
    void truncatedFileNamesTheProblem(@TempDir Path dir) throws Exception {
        byte[] bytes = Npy.encode(NpyArray.matrix(2, 2, DType.FLOAT64, new double[4]));
        Path f = dir.resolve("t.npy");
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        JConvNetException e = assertThrows(JConvNetException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("t.npy") && e.getMessage().contains("truncated"), e.getMessage());
    }
}
