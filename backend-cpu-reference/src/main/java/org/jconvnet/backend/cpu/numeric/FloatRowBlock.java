package org.jconvnet.backend.cpu.numeric;

import java.util.Arrays;
import org.jconvnet.backend.cpu.CpuTensor;

/** float32 rows; every multiply-add is a float operation, so float32 mode accumulates in float. */
final class FloatRowBlock extends RowBlock {
    private final float[][] rows;

    private FloatRowBlock(float[][] rows, int rowLength) {
        super(rowLength);
        this.rows = rows;
    }

    static FloatRowBlock rowsOf(float[] src, int count, int len) {
        float[][] r = new float[count][];
        for (int i = 0; i < count; i++) {
            r[i] = Arrays.copyOfRange(src, i * len, (i + 1) * len);
        }
        return new FloatRowBlock(r, len);
    }

    static FloatRowBlock transposedOf(float[] src, int groups, int len, int inner) {
        float[][] r = new float[groups * inner][len];
        for (int g = 0; g < groups; g++) {
            for (int q0 = 0; q0 < inner; q0 += TRANSPOSE_TILE) {
                int q1 = Math.min(inner, q0 + TRANSPOSE_TILE);
                for (int k = 0; k < len; k++) {
                    int base = (g * len + k) * inner;
                    for (int q = q0; q < q1; q++) {
                        r[g * inner + q][k] = src[base + q];
                    }
                }
            }
        }
        return new FloatRowBlock(r, len);
    }

    @Override
    public Accumulator newAccumulator() {
        return new Acc(new float[rowLength()]);
    }

    /** float accumulator. */
    private final class Acc implements Accumulator {
        private final float[] t;

        Acc(float[] t) {
            this.t = t;
        }

        @Override
        public void clear() {
            Arrays.fill(t, 0f);
        }

        @Override
        public void add(double[] alphas, int[] idx, int count) {
            final int n = t.length;
            int k = 0;
            // Four rows per sweep: one load/store of t per four multiply-adds (see RowBlock on vectorising).
            for (; k + 4 <= count; k += 4) {
                float a0 = (float) alphas[k], a1 = (float) alphas[k + 1];
                float a2 = (float) alphas[k + 2], a3 = (float) alphas[k + 3];
                float[] r0 = rows[idx[k]], r1 = rows[idx[k + 1]], r2 = rows[idx[k + 2]], r3 = rows[idx[k + 3]];
                for (int i = 0; i < n; i++) {
                    t[i] += a0 * r0[i] + a1 * r1[i] + a2 * r2[i] + a3 * r3[i];
                }
            }
            for (; k < count; k++) {
                float a = (float) alphas[k];
                float[] r = rows[idx[k]];
                for (int i = 0; i < n; i++) {
                    t[i] += a * r[i];
                }
            }
        }

        @Override
        public void storeTo(CpuTensor target, int offset, boolean accumulate) {
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
}
