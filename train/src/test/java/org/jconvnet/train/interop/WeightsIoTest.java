package org.jconvnet.train.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.layer.LearningParams;
import org.jconvnet.api.layer.ParamRole;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.MatrixOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsIoTest {
    @TempDir
    Path dir;

    private static ParamSpec fc(int rows, int cols) {
        return new ParamSpec("weights", ParamRole.WEIGHTS, 0, rows, cols, MatrixOrder.FORTRAN, 0.01, 0, LearningParams.frozen());
    }

    @Test
    void aCOrderedFileForAFortranParameterIsReordered() {
        // Logical W[i, j] = 10*i + j, 2 inputs x 3 outputs, written C-ordered by a numpy user.
        double[] c = {0, 1, 2, 10, 11, 12};
        Path f = dir.resolve("fc.weights.npy");
        Npy.write(f, new NpyArray(new int[] {2, 3}, false, DType.FLOAT32, c));
        // The net holds fc weights column-major: element (i, j) at j*2 + i.
        assertArrayEquals(new double[] {0, 10, 1, 11, 2, 12}, WeightsIo.read(f, fc(2, 3)));
        Npy.write(f, new NpyArray(new int[] {2, 3}, true, DType.FLOAT32, new double[] {0, 10, 1, 11, 2, 12}));
        assertArrayEquals(new double[] {0, 10, 1, 11, 2, 12}, WeightsIo.read(f, fc(2, 3)));
    }

    @Test
    void aWrongShapeNamesTheFileAndBothShapes() {
        Path f = dir.resolve("fc.weights.npy");
        Npy.write(f, new NpyArray(new int[] {3, 2}, true, DType.FLOAT32, new double[6]));
        JConvNetException e = assertThrows(JConvNetException.class, () -> WeightsIo.read(f, fc(2, 3)));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("(3, 2)")
                && e.getMessage().contains("(2, 3)"), e.getMessage());
    }
}
