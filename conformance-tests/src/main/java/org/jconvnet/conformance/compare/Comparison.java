package org.jconvnet.conformance.compare;

/**
 * Compares an array against the float64 reference with the suite's metric: relative error is
 * {@code max|a-b| / max(max|ref|, tiny)}, so one scale per array and no blow-up on entries that
 * happen to be near zero.
 */
public final class Comparison {
    /** Floor for the reference scale, so an all-zero reference does not divide by zero. */
    public static final double TINY = 1e-30;

    private Comparison() {
    }

    /**
     * Compares {@code actual} with {@code expected}.
     *
     * @param what      names the array in messages
     * @param actual    the backend's values
     * @param expected  the reference values
     * @param cols      columns of the matrix, used to report row and column of the first wrong index
     * @param tolerance relative tolerance
     */
    public static ErrorStats compare(String what, double[] actual, double[] expected, int cols, double tolerance) {
        return compare(what, actual, expected, cols, false, tolerance);
    }

    /**
     * Compares a matrix that may be column-major ({@code fortran}), so that the first wrong index is
     * reported as its logical (row, col).
     */
    public static ErrorStats compare(String what, double[] actual, double[] expected, int cols, boolean fortran,
                                     double tolerance) {
        if (actual == null || expected == null) {
            return problem(what, cols, tolerance, actual == null ? "the backend returned nothing" : "the reference returned nothing");
        }
        if (actual.length != expected.length) {
            return problem(what, cols, tolerance, "length " + actual.length + " but the reference has " + expected.length);
        }
        double maxRef = 0;
        for (double e : expected) {
            maxRef = Math.max(maxRef, Math.abs(e));
        }
        return measure(what, actual, expected, cols, fortran, tolerance, maxRef);
    }

    /**
     * Compares with an explicit reference scale instead of {@code max|expected|}: for comparisons of a
     * sample of an array (gradient checks), whose scale is that of the whole array.
     */
    public static ErrorStats compareScaled(String what, double[] actual, double[] expected, double maxRef,
                                           double tolerance) {
        if (actual.length != expected.length) {
            return problem(what, 1, tolerance, "length " + actual.length + " but the reference has " + expected.length);
        }
        return measure(what, actual, expected, 1, false, tolerance, maxRef);
    }

    private static ErrorStats measure(String what, double[] actual, double[] expected, int cols, boolean fortran,
                                      double tolerance, double maxRef) {
        double scale = Math.max(maxRef, TINY);
        double bound = tolerance * scale;
        double maxAbs = 0;
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (Double.isNaN(d)) {
                d = Double.POSITIVE_INFINITY;
            }
            maxAbs = Math.max(maxAbs, d);
            if (d > bound) {
                wrong++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        int c = Math.max(1, cols);
        return new ErrorStats(what, maxAbs, maxRef, maxAbs / scale, tolerance, wrong, first,
                first < 0 ? Double.NaN : actual[first], first < 0 ? Double.NaN : expected[first],
                expected.length / c, c, fortran, null);
    }

    private static ErrorStats problem(String what, int cols, double tolerance, String text) {
        return new ErrorStats(what, Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, tolerance, 0, -1,
                Double.NaN, Double.NaN, 0, cols, false, text);
    }

    /** The worst of several comparisons: failures before passes, then by relative error; null for none. */
    public static ErrorStats worst(Iterable<ErrorStats> all) {
        ErrorStats worst = null;
        for (ErrorStats s : all) {
            if (worst == null || WORSE_FIRST.compare(s, worst) < 0) {
                worst = s;
            }
        }
        return worst;
    }

    private static final java.util.Comparator<ErrorStats> WORSE_FIRST =
            java.util.Comparator.comparing((ErrorStats s) -> s.passed())
                    .thenComparing(s -> -(Double.isNaN(s.maxRel()) ? Double.MAX_VALUE : s.maxRel()));
}
