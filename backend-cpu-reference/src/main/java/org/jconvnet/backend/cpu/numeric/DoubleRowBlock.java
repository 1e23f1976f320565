package org.jconvnet.backend.cpu.numeric;

import java.util.Arrays;
import org.jconvnet.backend.cpu.CpuTensor;

/** float64 rows, the oracle mode. */
final class DoubleRowBlock extends RowBlock {
    private final double[][] rows;

    DoubleRowBlock(int count, int rowLength) {
        super(rowLength);
        this.rows = new double[count][rowLength];
    }

    @Override
    void copyRow(int row, CpuTensor src, int start) {
        System.arraycopy(src.doubles(), start, rows[row], 0, rowLength());
    }

    @Override
    void gatherRow(int row, CpuTensor src, int start, int stride) {
        double[] s = src.doubles();
        double[] r = rows[row];
        for (int k = 0; k < r.length; k++) {
            r[k] = s[start + k * stride];
        }
    }

    @Override
    Object newRow() {
        return new double[rowLength()];
    }

    @Override
    Object row(int index) {
        return rows[index];
    }

    @Override
    void clear(Object acc) {
        Arrays.fill((double[]) acc, 0.0);
    }

    @Override
    void addFour(Object acc, double a0, Object r0, double a1, Object r1, double a2, Object r2, double a3, Object r3) {
        double[] t = (double[]) acc;
        double[] x0 = (double[]) r0, x1 = (double[]) r1, x2 = (double[]) r2, x3 = (double[]) r3;
        double b0 = a0, b1 = a1, b2 = a2, b3 = a3;
        for (int i = 0; i < t.length; i++) {
            t[i] += b0 * x0[i] + b1 * x1[i] + b2 * x2[i] + b3 * x3[i];
        }
    }

    @Override
    void addOne(Object acc, double a, Object r) {
        double[] t = (double[]) acc;
        double[] x = (double[]) r;
        double b = a;
        for (int i = 0; i < t.length; i++) {
            t[i] += b * x[i];
        }
    }

    @Override
    void store(Object acc, CpuTensor target, int offset, boolean accumulate) {
        double[] t = (double[]) acc;
        double[] y = target.doubles();
        if (!accumulate) {
            System.arraycopy(t, 0, y, offset, t.length);
            return;
        }
        for (int i = 0; i < t.length; i++) {
            y[offset + i] += t[i];
        }
    }
}
