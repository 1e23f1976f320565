package org.jconvnet.backend.cpu.kernels;

import java.util.Arrays;
import org.jconvnet.api.kernel.contract.Pool;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Parallel;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * pool (cuda-convnet.md §3.5): output (c, oy, ox) pools rows and columns
 * {@code [start + o*stride, start + o*stride + sizeX) ∩ [0, S)}, clipped, never padded. Max starts
 * from -2e38 (cuda-convnet's base value, what an empty window gives); avg divides by the clipped
 * count (an empty window, possible only with a far negative start, averages to 0).
 */
final class PoolKernels {
    /** MaxPooler's base value in cuda-convnet. */
    private static final double MAX_BASE = -2e38;

    private PoolKernels() {
    }

    /** The geometry of a pool call, with its window. */
    private record Geometry(int numCases, int channels, int imgSize, int outputsX, boolean average, Window window) {
        /** The geometry of {@code s}, checking the image-sized and the pooled-sized tensors of a call (in pairs). */
        static Geometry of(Pool.Shape s, int n, KernelContext c, Object... nameThenTensor) {
            for (int k = 0; k < nameThenTensor.length; k += 2) {
                String name = (String) nameThenTensor[k];
                boolean pooled = name.startsWith("output");
                c.requireSize(name, (Tensor) nameThenTensor[k + 1], pooled ? s.outputRows() : s.inputRows(), n);
            }
            return new Geometry(n, s.channels(), s.imgSize(), s.outputsX(), s.average(),
                    Window.strided(s.start(), s.stride(), s.sizeX(), s.imgSize(), s.outputsX()));
        }

        int inputRow(int ch, int y, int x) {
            return (ch * imgSize + y) * imgSize + x;
        }

        int outputRow(int ch, int oy, int ox) {
            return (ch * outputsX + oy) * outputsX + ox;
        }
    }

    static void forward(Pool.Forward call, KernelContext c) {
        Geometry g = Geometry.of(call.shape(), call.numCases(), c, "input", call.input(), "output", call.output());
        Precision p = c.precision();
        Elements in = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        int n = g.numCases();
        int o = g.outputsX();
        Window w = g.window();
        Parallel.forRange(g.channels() * o * o, (long) w.count(0) * w.count(0) * n, (from, to) -> {
            double[] acc = new double[n];
            for (int r = from; r < to; r++) {
                int ch = r / (o * o);
                int oy = (r / o) % o;
                int ox = r % o;
                Arrays.fill(acc, g.average() ? 0 : p.round(MAX_BASE));
                for (int y = w.lo(oy); y < w.hi(oy); y++) {
                    for (int x = w.lo(ox); x < w.hi(ox); x++) {
                        int base = g.inputRow(ch, y, x) * n;
                        for (int i = 0; i < n; i++) {
                            double v = in.get(base + i);
                            acc[i] = g.average() ? p.round(acc[i] + v) : Math.max(acc[i], v);
                        }
                    }
                }
                int count = w.count(oy) * w.count(ox);
                for (int i = 0; i < n; i++) {
                    double v = !g.average() ? acc[i] : count == 0 ? 0 : p.round(acc[i] / count);
                    out.set(r * n + i, v);
                }
            }
        });
    }

    /**
     * Gathers, for each input pixel q, the windows that contain it: max passes {@code outputGrad[o]}
     * where {@code input[q] == output[o]} (every tie gets it), avg passes {@code outputGrad[o]/count(o)}.
     */
    static void backwardInput(Pool.BackwardInput call, KernelContext c) {
        Geometry g = Geometry.of(call.shape(), call.numCases(), c, "input", call.input(), "output", call.output(),
                "outputGrad", call.outputGrad(), "inputGrad", call.inputGrad());
        Precision p = c.precision();
        Elements in = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        Elements grad = Elements.of(call.outputGrad());
        Elements inGrad = Elements.of(call.inputGrad());
        boolean accumulate = call.accumulate();
        int n = g.numCases();
        int s = g.imgSize();
        Window w = g.window();
        Parallel.forRange(g.channels() * s * s, (long) w.count(0) * w.count(0) * n, (from, to) -> {
            double[] acc = new double[n];
            for (int r = from; r < to; r++) {
                int ch = r / (s * s);
                int y = (r / s) % s;
                int x = r % s;
                Arrays.fill(acc, 0);
                for (int oy = w.reverseLo(y); oy < w.reverseHi(y); oy++) {
                    for (int ox = w.reverseLo(x); ox < w.reverseHi(x); ox++) {
                        int o = g.outputRow(ch, oy, ox) * n;
                        int count = w.count(oy) * w.count(ox);
                        for (int i = 0; i < n; i++) {
                            if (g.average()) {
                                acc[i] = p.round(acc[i] + p.round(grad.get(o + i) / count));
                            } else if (in.get(r * n + i) == out.get(o + i)) {
                                acc[i] = p.round(acc[i] + grad.get(o + i));
                            }
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    inGrad.put(r * n + i, acc[i], accumulate);
                }
            }
        });
    }
}
