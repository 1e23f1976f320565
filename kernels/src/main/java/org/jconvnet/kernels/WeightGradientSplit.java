package org.jconvnet.kernels;

/**
 * How {@code conv_backward_weights} (conv.kc) divides the output modules among its work-items:
 * into parts of {@code rowsPerPart x colsPerPart} modules, each part writing its own bank of
 * {@code Cf*fs*fs*F} floats.
 *
 * <p>Why split a conv layer's weight gradient: each weight sums over every module and case, and one
 * work-item per weight block leaves a GPU almost idle when the filter bank is small (the seed net's
 * conv1 has 800 such items; an H200 holds over 100 000 resident threads). Split into P parts,
 * P times as many items each sum 1/P of the modules into a partial bank, and
 * {@code conv_sum_parts} adds the P banks in part order, so results stay deterministic.
 * A locally-connected layer is always one part per module: each module owns its weights.
 *
 * @param rowsPerPart module rows per part (1 to modulesX)
 * @param colsPerPart module columns per part (1 to modulesX)
 * @param parts       number of parts: {@code ceil(modulesX/rowsPerPart) * ceil(modulesX/colsPerPart)}
 */
public record WeightGradientSplit(int rowsPerPart, int colsPerPart, int parts) {

    /** Checks that the part sizes are positive. */
    public WeightGradientSplit {
        if (rowsPerPart <= 0 || colsPerPart <= 0 || parts <= 0) {
            throw new IllegalArgumentException("a split needs positive sizes, got " + rowsPerPart + "x" + colsPerPart
                    + " modules in " + parts + " parts");
        }
    }

    /** One part per module (locally-connected layers: each bank is that module's weights). */
    public static WeightGradientSplit perModule(int modulesX) {
        return new WeightGradientSplit(1, 1, modulesX * modulesX);
    }

    /** One part holding every module: the kernel writes the weight gradient directly. */
    public static WeightGradientSplit whole(int modulesX) {
        return new WeightGradientSplit(modulesX, modulesX, 1);
    }

    /**
     * The split of a conv layer's weight gradient: the fewest parts that bring the work-item count to
     * {@code targetItems} (no split when {@code itemsPerPart} already reaches it or the target is 0),
     * limited so that the partial banks hold at most {@code maxPartialFloats} floats. Rows are split
     * before columns, and the part sizes are rounded so that no part is empty.
     *
     * @param modulesX        modules per side
     * @param itemsPerPart    work-items of one part (weight blocks of the kernel)
     * @param targetItems     work-items the device wants in flight
     * @param bankFloats      floats of one bank ({@code Cf*fs*fs*F})
     * @param maxPartialFloats the most floats the partial banks may take together
     */
    public static WeightGradientSplit forConv(int modulesX, long itemsPerPart, long targetItems, long bankFloats,
                                              long maxPartialFloats) {
        if (modulesX <= 0 || itemsPerPart <= 0 || bankFloats <= 0) {
            throw new IllegalArgumentException("modulesX " + modulesX + ", items per part " + itemsPerPart
                    + " and bank size " + bankFloats + " must be positive");
        }
        long wanted = ceilDiv(Math.max(targetItems, 0), itemsPerPart);
        long byMemory = maxPartialFloats / bankFloats;
        long parts = Math.min(Math.min(wanted, byMemory), (long) modulesX * modulesX);
        if (parts <= 1) {
            return whole(modulesX);
        }
        int rowParts = (int) Math.min(parts, modulesX);
        int colParts = (int) Math.min(ceilDiv(parts, rowParts), modulesX);
        int rowsPer = (int) ceilDiv(modulesX, rowParts);
        int colsPer = (int) ceilDiv(modulesX, colParts);
        int actual = (int) (ceilDiv(modulesX, rowsPer) * ceilDiv(modulesX, colsPer));
        return actual == 1 ? whole(modulesX) : new WeightGradientSplit(rowsPer, colsPer, actual);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
