package org.jconvnet.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HostArraysTest {

    /** A tensor with a shape and nothing else: HostArrays only reads shape, dtype and backend. */
    private static Tensor shaped(int rows, int cols) {
        return new Tensor() {
            @Override public int rows() { return rows; }
            @Override public int cols() { return cols; }
            @Override public DType dtype() { return DType.FLOAT32; }
            @Override public String backendId() { return "cpu"; }
            @Override public void upload(double[] v) { }
            @Override public void upload(float[] v) { }
            @Override public double[] download() { return new double[rows * cols]; }
            @Override public float[] downloadFloats() { return new float[rows * cols]; }
            @Override public void zero() { }
            @Override public void close() { }
        };
    }

    @Test
    void narrowRoundsToNearestFloat() {
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY, -2.5f},
                HostArrays.narrow(new double[] {0.1, 1e40, -2.5}));
    }

    @Test
    void widenIsExact() {
        assertArrayEquals(new double[] {0.1f, -3}, HostArrays.widen(new float[] {0.1f, -3f}));
    }

    @Test
    void uploadLengthMustMatchTheShape() {
        HostArrays.checkUploadLength(shaped(2, 3), 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostArrays.checkUploadLength(shaped(2, 3), 5));
        assertEquals("upload of 5 values into a 2x3 float32 tensor", e.getMessage());
    }

    @Test
    void foreignTensorMessageNamesBothBackends() {
        assertEquals("tensor 2x3 float32 belongs to backend 'cpu', not to cuda",
                HostArrays.foreignTensor(shaped(2, 3), "cuda").getMessage());
    }
}
