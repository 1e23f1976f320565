package org.jconvnet.backend.blas.core;

/**
 * softmax, cost.logreg and cost.sum2 (cuda-convnet.md §3.10, §3.11), per case over the column
 * {@code [j*N + n]} of a {@code D x N} matrix. These layers are small (D = classes), so each is a
 * plain loop over cases, split over the workers when there are many.
 */
public final class SoftmaxOps {
    private static final int GRAIN = 64;

    private final Workers workers;

    /** Kernels running on {@code workers}. */
    public SoftmaxOps(Workers workers) {
        this.workers = workers;
    }

    /** {@code y_j = exp(x_j - max x) / sum_k exp(x_k - max x)} per case. */
    public void softmaxForward(int classes, int n, float[] x, float[] y) {
        workers.forRange(n, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    max = Math.max(max, x[j * n + i]);
                }
                float sum = 0;
                for (int j = 0; j < classes; j++) {
                    float e = (float) Math.exp(x[j * n + i] - max);
                    y[j * n + i] = e;
                    sum += e;
                }
                for (int j = 0; j < classes; j++) {
                    y[j * n + i] /= sum;
                }
            }
        });
    }

    /** {@code dx_i (+)= y_i (G_i - sum_j G_j y_j)}. */
    public void softmaxBackward(int classes, int n, float[] y, float[] grad, float[] inputGrad, boolean accumulate) {
        workers.forRange(n, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float dot = 0;
                for (int j = 0; j < classes; j++) {
                    dot += grad[j * n + i] * y[j * n + i];
                }
                for (int j = 0; j < classes; j++) {
                    int e = j * n + i;
                    float g = y[e] * (grad[e] - dot);
                    inputGrad[e] = accumulate ? inputGrad[e] + g : g;
                }
            }
        });
    }

    private static int label(float[] labels, int i, int classes) {
        float v = labels[i];
        int k = (int) v;
        if (!(k >= 0 && k < classes)) {
            throw new IllegalArgumentException("cost.logreg kernel: label " + v + " of case " + i
                    + " is outside [0, " + classes + ")");
        }
        return k;
    }

    /** Row 0: {@code -ln probs[label, n]}; row 1: {@code 1 - c_n}, ties credited 1/#ties. */
    public void logregForward(int classes, int n, float[] labels, float[] probs, float[] output) {
        workers.forRange(n, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float truth = probs[label(labels, i, classes) * n + i];
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    max = Math.max(max, probs[j * n + i]);
                }
                int ties = 0;
                for (int j = 0; j < classes; j++) {
                    ties += probs[j * n + i] == max ? 1 : 0;
                }
                float credit = truth == max ? 1f / ties : 0f;
                output[i] = (float) -Math.log(truth);
                output[n + i] = 1f - credit;
            }
        });
    }

    /**
     * Gradient to probs, {@code -coeff [j = label] / probs[j,n]}, or through the softmax to its input,
     * {@code coeff (probs[j,n] - [j = label])}.
     */
    public void logregBackward(int classes, int n, float coeff, boolean throughSoftmax, float[] labels, float[] probs,
                               float[] inputGrad, boolean accumulate) {
        workers.forRange(n, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                int label = label(labels, i, classes);
                for (int j = 0; j < classes; j++) {
                    int e = j * n + i;
                    float g = throughSoftmax ? coeff * (probs[e] - (j == label ? 1f : 0f))
                            : j == label ? -coeff / probs[e] : 0f;
                    inputGrad[e] = accumulate ? inputGrad[e] + g : g;
                }
            }
        });
    }

    /** {@code output[n] = sum_d input[d,n]^2}. */
    public void sum2Forward(int n, float[] input, float[] output) {
        int rows = input.length / n;
        workers.forRange(n, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float sum = 0;
                for (int d = 0; d < rows; d++) {
                    float v = input[d * n + i];
                    sum += v * v;
                }
                output[i] = sum;
            }
        });
    }
}
