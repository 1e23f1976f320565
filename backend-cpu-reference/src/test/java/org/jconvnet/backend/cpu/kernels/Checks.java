package org.jconvnet.backend.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Test helpers: random data, norm-wise comparison and central-difference gradient checks. */
final class Checks {

    private Checks() {
    }

    /** {@code count} values uniform in {@code [-1, 1)}, rounded to float so both dtypes see the same data. */
    static double[] random(long seed, int count) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }

    /** ‖a − b‖₂ / ‖b‖₂ (or ‖a‖₂ when b is zero). */
    static double relativeError(double[] a, double[] b) {
        assertEquals(b.length, a.length, "lengths differ");
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    /** Asserts the norm-wise relative error of {@code actual} against {@code expected} is at most {@code tol}. */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        double err = relativeError(actual, expected);
        assertTrue(err <= tol, what + ": relative error " + err + " > " + tol);
    }

    /** Exact comparison, for hand-computed cases that are exactly representable. */
    static void assertExact(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, 0.0, what);
    }

    /**
     * Checks {@code analytic} = d loss / d x by central differences over every element of x
     * (the tests keep x small), norm-wise within {@code tol}.
     */
    static void assertGradient(double[] x, ToDoubleFunction<double[]> loss, double[] analytic, double tol,
                               String what) {
        double h = 1e-5;
        double[] numeric = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double up = loss.applyAsDouble(x);
            x[i] = keep - h;
            double down = loss.applyAsDouble(x);
            x[i] = keep;
            numeric[i] = (up - down) / (2 * h);
        }
        assertClose(numeric, analytic, tol, what + " vs central differences");
        double norm = 0;
        for (double v : numeric) {
            norm += v * v;
        }
        assertTrue(norm > 0, what + ": the checked gradient is identically zero, the check would prove nothing");
    }

    /** sum_i a[i] * b[i]. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** a + b elementwise. */
    static double[] plus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }
}
