package org.jconvnet.conformance.compare;

/**
 * How far one array is from its reference.
 *
 * @param what       what was compared, e.g. {@code output of layer 'conv'}
 * @param maxAbs     max |actual - expected| (infinite when actual holds a NaN or infinity)
 * @param maxRef     max |expected|
 * @param maxRel     {@code maxAbs / max(maxRef, tiny)}: the suite's relative error
 * @param tolerance  the relative tolerance applied
 * @param wrong      how many elements differ by more than {@code tolerance * max(maxRef, tiny)}
 * @param firstWrong the first such index in memory order, or -1
 * @param gotAt      actual value at {@code firstWrong}
 * @param wantAt     expected value at {@code firstWrong}
 * @param rows       rows of the compared matrix
 * @param cols       columns of the compared matrix (cases for activations)
 * @param fortran    whether the matrix is column-major (fc weights): index = col*rows + row
 * @param problem    a structural problem (length mismatch), or null
 */
public record ErrorStats(String what, double maxAbs, double maxRef, double maxRel, double tolerance, int wrong,
                         int firstWrong, double gotAt, double wantAt, int rows, int cols, boolean fortran,
                         String problem) {

    /** Whether the actual array is within tolerance. */
    public boolean passed() {
        return problem == null && wrong == 0 && maxRel <= tolerance;
    }

    /** The (row, col) of a flat index, or just the index for a vector. */
    public String where(int index) {
        if (cols <= 1 || rows <= 1) {
            return "index " + index;
        }
        int r = fortran ? index % rows : index / cols;
        int c = fortran ? index / rows : index % cols;
        return String.format("index %d (row %d, col %d)", index, r, c);
    }

    /** One line naming the worst error and the first wrong index, for reports and assertion messages. */
    public String describe() {
        if (problem != null) {
            return what + ": " + problem;
        }
        String head = String.format("%s: max rel error %.3g (max abs %.3g, max |ref| %.3g), tolerance %.3g",
                what, maxRel, maxAbs, maxRef, tolerance);
        if (firstWrong < 0) {
            return head;
        }
        return head + String.format("; %d element(s) wrong, first at %s: got %.9g, expected %.9g",
                wrong, where(firstWrong), gotAt, wantAt);
    }
}
