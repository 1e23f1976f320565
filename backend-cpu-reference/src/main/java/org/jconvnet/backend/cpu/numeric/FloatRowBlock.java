package org.jconvnet.backend.cpu.numeric;

import java.util.Arrays;
import org.jconvnet.backend.cpu.CpuTensor;

/** float32 rows; every multiply-add is a float operation, so float32 mode accumulates in float. */
final class FloatRowBlock extends RowBlock {
    private final float[][] rows;

    FloatRowBlock(int count, int rowLength) {
        super(rowLength);
        this.rows = new float[count][rowLength];
    }

    @Override
    void copyRow(int row, CpuTensor src, int start) {
        System.arraycopy(src.floats(), start, rows[row], 0, rowLength());
    }

    @Override
    void gatherRow(int row, CpuTensor src, int start, int stride) {
        float[] s = src.floats();
        float[] r = rows[row];
        for (int k = 0; k < r.length; k++) {
            r[k] = s[start + k * stride];
        }
    }

    @Override
    Object newRow() {
        return new float[rowLength()];
    }

    @Override
    Object row(int index) {
        return rows[index];
    }

    @Override
    void clear(Object acc) {
        Arrays.fill((float[]) acc, 0f);
    }

    @Override
    void addFour(Object acc, double a0, Object r0, double a1, Object r1, double a2, Object r2, double a3, Object r3) {
        float[] t = (float[]) acc;
        float[] x0 = (float[]) r0, x1 = (float[]) r1, x2 = (float[]) r2, x3 = (float[]) r3;
        float b0 = (float) a0, b1 = (float) a1, b2 = (float) a2, b3 = (float) a3;
        for (int i = 0; i < t.length; i++) {
            t[i] += b0 * x0[i] + b1 * x1[i] + b2 * x2[i] + b3 * x3[i];
        }
    }

    @Override
    void addOne(Object acc, double a, Object r) {
        float[] t = (float[]) acc;
        float[] x = (float[]) r;
        float b = (float) a;
        for (int i = 0; i < t.length; i++) {
            t[i] += b * x[i];
        }
    }

    @Override
    void store(Object acc, CpuTensor target, int offset, boolean accumulate) {
        float[] t = (float[]) acc;
        float[] y = target.floats();
        if (!accumulate) {
            System.arraycopy(t, 0, y, offset, t.length);
            return;
        }
        for (int i = 0; i < t.length; i++) {
            y[offset + i] += t[i];
        }
    }
}
