package org.jconvnet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.tensor.DType;

/**
 * The values of every parameter of a net, in {@code Net.parameters()} order, flat in each
 * parameter's memory order: weights, gradients or momentum shipped between the driver and the
 * tasks. Float32 nets ship float32 (4 bytes per parameter), float64 nets float64.
 *
 * <p>{@link #plus} adds element by element in the net's precision. Floating-point addition is
 * commutative, so {@code a.plus(b)} and {@code b.plus(a)} are bit for bit the same: the pairwise
 * tree that combines the workers' contributions is deterministic whatever order its tasks finish in.
 */
final class ParamValues implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[][] floats;
    private final double[][] doubles;

    private ParamValues(float[][] floats, double[][] doubles) {
        this.floats = floats;
        this.doubles = doubles;
    }

    /** Values of {@code dtype} from flat arrays (float32 values are rounded, as the tensors hold them). */
    static ParamValues of(DType dtype, List<double[]> values) {
        if (dtype == DType.FLOAT64) {
            return new ParamValues(null, values.stream().map(double[]::clone).toArray(double[][]::new));
        }
        float[][] f = new float[values.size()][];
        for (int i = 0; i < f.length; i++) {
            double[] v = values.get(i);
            f[i] = new float[v.length];
            for (int k = 0; k < v.length; k++) {
                f[i][k] = (float) v[k];
            }
        }
        return new ParamValues(f, null);
    }

    /** The number of parameter matrices. */
    int count() {
        return floats != null ? floats.length : doubles.length;
    }

    /** Parameter {@code i} as doubles (exact). */
    double[] get(int i) {
        if (doubles != null) {
            return doubles[i].clone();
        }
        float[] f = floats[i];
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }

    /** Every parameter as doubles. */
    List<double[]> all() {
        List<double[]> out = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            out.add(get(i));
        }
        return out;
    }

    /** The element-wise sum, in this precision; commutative bit for bit. */
    ParamValues plus(ParamValues o) {
        if (o.count() != count() || (floats == null) != (o.floats == null)) {
            throw new IllegalArgumentException("cannot add parameter sets of different shapes or precisions");
        }
        if (floats != null) {
            float[][] r = new float[floats.length][];
            for (int i = 0; i < r.length; i++) {
                float[] a = floats[i];
                float[] b = o.floats[i];
                r[i] = new float[a.length];
                for (int k = 0; k < a.length; k++) {
                    r[i][k] = a[k] + b[k];
                }
            }
            return new ParamValues(r, null);
        }
        double[][] r = new double[doubles.length][];
        for (int i = 0; i < r.length; i++) {
            double[] a = doubles[i];
            double[] b = o.doubles[i];
            r[i] = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                r[i][k] = a[k] + b[k];
            }
        }
        return new ParamValues(null, r);
    }

    /** Every value times {@code s}, in this precision. */
    ParamValues times(double s) {
        if (floats != null) {
            float[][] r = new float[floats.length][];
            for (int i = 0; i < r.length; i++) {
                r[i] = new float[floats[i].length];
                for (int k = 0; k < r[i].length; k++) {
                    r[i][k] = (float) (floats[i][k] * s);
                }
            }
            return new ParamValues(r, null);
        }
        double[][] r = new double[doubles.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = new double[doubles[i].length];
            for (int k = 0; k < r[i].length; k++) {
                r[i][k] = doubles[i][k] * s;
            }
        }
        return new ParamValues(null, r);
    }

    /** Bytes of the values (what one copy costs on the wire, headers aside). */
    long bytes() {
        long n = 0;
        for (int i = 0; i < count(); i++) {
            n += floats != null ? 4L * floats[i].length : 8L * doubles[i].length;
        }
        return n;
    }
}
