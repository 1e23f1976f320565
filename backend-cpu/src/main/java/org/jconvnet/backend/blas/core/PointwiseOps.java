package org.jconvnet.backend.blas.core;

/**
 * The elementwise kernels: neuron functions (cuda-convnet.md §3.9), the SGD step (§5.3, one fused
 * pass over weights, gradient and momentum), biases, eltsum and eltmax. Each is one loop over
 * ranges of elements (or of rows, for biases) split over the workers.
 */
public final class PointwiseOps {
    /** Elements per task at least: below that, splitting costs more than it saves. */
    private static final int GRAIN = 1 << 13;

    private final Workers workers;

    /** Kernels running on {@code workers}. */
    public PointwiseOps(Workers workers) {
        this.workers = workers;
    }

    /** The neuron function codes of the contract: 0 ident .. 9 brelu. */
    public static final int IDENT = 0;
    /** relu. */
    public static final int RELU = 1;
    /** logistic. */
    public static final int LOGISTIC = 2;
    /** {@code a*tanh(b*x)}. */
    public static final int TANH = 3;
    /** abs. */
    public static final int ABS = 4;
    /** square. */
    public static final int SQUARE = 5;
    /** sqrt. */
    public static final int SQRT = 6;
    /** {@code a*x + b}. */
    public static final int LINEAR = 7;
    /** softrelu. */
    public static final int SOFTRELU = 8;
    /** {@code min(a, max(0, x))}. */
    public static final int BRELU = 9;

    /** {@code output = f(input)} for neuron function {@code code} with parameters a, b. */
    public void neuronForward(int code, float a, float b, float[] input, float[] output) {
        requireCode(code);
        workers.forRange(output.length, GRAIN, (from, to, w) -> {
            switch (code) {
                case RELU -> {
                    // max(x, 0) compiles to a vector max, where x < 0 ? 0 : x is a branch the CPU
                    // mispredicts on half the elements; the two differ only in the sign of a zero
                    // output for a -0 input (equal as floats).
                    for (int i = from; i < to; i++) {
                        output[i] = Math.max(input[i], 0f);
                    }
                }
                case IDENT -> System.arraycopy(input, from, output, from, to - from);
                default -> {
                    for (int i = from; i < to; i++) {
                        output[i] = apply(code, a, b, input[i]);
                    }
                }
            }
        });
    }

    /** {@code inputGrad (+)= outputGrad * f'}, f' from input and output as the contract's table says. */
    public void neuronBackward(int code, float a, float b, float[] input, float[] output, float[] outputGrad,
                               float[] inputGrad, boolean accumulate) {
        requireCode(code);
        workers.forRange(inputGrad.length, GRAIN, (from, to, w) -> {
            if (code == RELU) { // branch-free: output > 0 is a coin toss over the elements
                if (accumulate) {
                    for (int i = from; i < to; i++) {
                        inputGrad[i] += Select.ifPositive(output[i], outputGrad[i]);
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        inputGrad[i] = Select.ifPositive(output[i], outputGrad[i]);
                    }
                }
                return;
            }
            for (int i = from; i < to; i++) {
                float g = outputGrad[i] * derivative(code, a, b, input[i], output[i]);
                inputGrad[i] = accumulate ? inputGrad[i] + g : g;
            }
        });
    }

    private static void requireCode(int code) {
        if (code < IDENT || code > BRELU) {
            throw new IllegalArgumentException("neuron kernel: unknown function code " + code + " (known: 0..9)");
        }
    }

    private static float apply(int code, float a, float b, float x) {
        switch (code) {
            case RELU: return x < 0 ? 0f : x;
            case LOGISTIC: return 1f / (1f + (float) Math.exp(-x));
            case TANH: return a * (float) Math.tanh(b * x);
            case ABS: return Math.abs(x);
            case SQUARE: return x * x;
            case SQRT: return (float) Math.sqrt(x);
            case LINEAR: return a * x + b;
            case SOFTRELU: return x > 4 ? x : (float) Math.log(1f + (float) Math.exp(x));
            case BRELU: return Math.min(a, Math.max(0f, x));
            default: return x;
        }
    }

    private static float derivative(int code, float a, float b, float x, float y) {
        switch (code) {
            case RELU: return y > 0 ? 1f : 0f;
            case LOGISTIC: return y * (1f - y);
            case TANH: {
                float q = y / a;
                return a * b * (1f - q * q);
            }
            case ABS: return x > 0 ? 1f : -1f;
            case SQUARE: return 2f * x;
            case SQRT: return 1f / (2f * y);
            case LINEAR: return a;
            case SOFTRELU: return 1f - (float) Math.exp(-y);
            case BRELU: return y > 0 && y < a ? 1f : 0f;
            default: return 1f;
        }
    }

    /** cuda-convnet.md §5.3 in one pass: {@code inc = mom*inc - gradScale*grad - decay*weights; weights += inc}. */
    public void sgd(float[] weights, float[] grad, float[] inc, float gradScale, float mom, float decay) {
        workers.forRange(weights.length, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float v = mom * inc[i] - gradScale * grad[i] - decay * weights[i];
                inc[i] = v;
                weights[i] += v;
            }
        });
    }

    /** {@code output[r, n] += biases[r / repeat]}. */
    public void biasForward(int n, int repeat, float[] output, float[] biases) {
        workers.forRange(output.length / n, Math.max(1, GRAIN / n), (from, to, w) -> {
            for (int r = from; r < to; r++) {
                float bias = biases[r / repeat];
                for (int i = r * n; i < (r + 1) * n; i++) {
                    output[i] += bias;
                }
            }
        });
    }

    /** {@code biasesGrad[k]} = the sum of the rows {@code [k*repeat, (k+1)*repeat)} of outputGrad over cases. */
    public void biasBackward(int n, int repeat, float[] outputGrad, float[] biasesGrad) {
        int block = repeat * n;
        workers.forRange(biasesGrad.length, Math.max(1, GRAIN / block), (from, to, w) -> {
            for (int k = from; k < to; k++) {
                biasesGrad[k] = sum(outputGrad, k * block, (k + 1) * block);
            }
        });
    }

    /**
     * The sum of {@code values[from, to)} in eight interleaved partial sums, added pairwise at the
     * end. One running sum waits for each addition to finish before the next (HotSpot keeps float
     * sums in source order, so it does not vectorise them); eight independent ones keep the adder
     * busy. The order depends on the range only, never on the workers.
     */
    static float sum(float[] values, int from, int to) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            s0 += values[i];
            s1 += values[i + 1];
            s2 += values[i + 2];
            s3 += values[i + 3];
            s4 += values[i + 4];
            s5 += values[i + 5];
            s6 += values[i + 6];
            s7 += values[i + 7];
        }
        float tail = 0;
        for (; i < to; i++) {
            tail += values[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)) + tail;
    }

    /** {@code target (+)= coeff * source}: eltsum forward and backward. */
    public void scaledCopy(float coeff, float[] source, float[] target, boolean accumulate) {
        workers.forRange(target.length, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float v = coeff * source[i];
                target[i] = accumulate ? target[i] + v : v;
            }
        });
    }

    /** eltmax forward: {@code output = input}, or {@code max(output, input)} when accumulating. */
    public void eltmaxForward(float[] input, float[] output, boolean accumulate) {
        workers.forRange(output.length, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                output[i] = accumulate ? Math.max(output[i], input[i]) : input[i];
            }
        });
    }

    /** eltmax backward: {@code inputGrad (+)= outputGrad * [input == output]} (every tie gets it). */
    public void eltmaxBackward(float[] input, float[] output, float[] outputGrad, float[] inputGrad, boolean accumulate) {
        workers.forRange(inputGrad.length, GRAIN, (from, to, w) -> {
            for (int i = from; i < to; i++) {
                float g = input[i] == output[i] ? outputGrad[i] : 0f;
                inputGrad[i] = accumulate ? inputGrad[i] + g : g;
            }
        });
    }
}
