package org.jconvnet.api.tensor;

/**
 * The host-side chores every {@link Tensor} implementation shares: converting between the
 * {@code double[]}/{@code float[]} the API accepts and the element type a backend stores, checking
 * upload lengths, and refusing tensors of another backend with the same message everywhere.
 */
public final class HostArrays {

    private HostArrays() {
    }

    /**
     * Rounds each value to float (IEEE round-to-nearest, as a float32 store does).
     *
     * @param values the values to round
     * @return a new array of the rounded values
     */
    public static float[] narrow(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /**
     * Widens each value to double (exact).
     *
     * @param values the values to widen
     * @return a new array of the widened values
     */
    public static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * Checks that an upload of {@code length} values fits {@code target} exactly.
     *
     * @param target the tensor uploaded to
     * @param length the number of values uploaded
     * @throws IllegalArgumentException naming both sizes
     */
    public static void checkUploadLength(Tensor target, int length) {
        if (length != target.size()) {
            throw new IllegalArgumentException("upload of " + length + " values into a " + target.describe() + " tensor");
        }
    }

    /**
     * The error for a tensor handed to a kernel of a backend it does not belong to.
     *
     * @param t the tensor
     * @param expectedBackend the id of the kernel's backend
     * @return the error, naming the tensor's backend and the expected one
     */
    public static IllegalArgumentException foreignTensor(Tensor t, String expectedBackend) {
        return new IllegalArgumentException("tensor " + t.describe() + " belongs to backend '" + t.backendId()
                + "', not to " + expectedBackend);
    }
}
