package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.RowBlock;
import org.jconvnet.backend.cpu.numeric.RowCombination;

/**
 * conv and local (cuda-convnet.md §3.2, §3.3): the three ops as row combinations over the case index.
 *
 * <ul>
 * <li>forward: output row (f, m) = sum over taps (c, fy, fx) inside the image of
 *     {@code W[m,c,fy,fx,f] * input row (g*Cf+c, y0+fy, x0+fx)};</li>
 * <li>backward-input: input row (ch, y, x) = sum over filters f of ch's group and modules (my, mx)
 *     whose window holds (y, x) of {@code W[m,c,fy,fx,f] * outputGrad row (f, m)};</li>
 * <li>backward-weights: the row W[(m,) c, fy, fx, filters of group g] = sum over modules (conv
 *     only) and cases n of {@code input[g*Cf+c, y, x, n] * outputGrad[group's filters, m, n]},
 *     combining rows of the transposed output gradient.</li>
 * </ul>
 * Terms whose coefficient is exactly zero (padding never appears; zero activations after a relu do)
 * are skipped: they add nothing to a finite sum.
 */
final class ConvKernels {

    private ConvKernels() {
    }

    static void forward(Filter.Forward call, KernelContext c) {
        ConvGeometry g = ConvGeometry.of(call.shape(), call.numCases(), c, "input", call.input(), "output", call.output(),
                "weights", call.weights());
        Elements w = Elements.of(call.weights());
        int n = g.numCases();
        int cf = g.filterChannels();
        int fs = g.filterSize();
        RowBlock input = RowBlock.rowsOf(call.input(), n);
        // Rows go module-major (r = m*F + f): the filters of one module reuse the same input rows
        // (and, for local, neighbouring weights) while they are in cache.
        RowCombination.run(input, call.output(), g.filters() * g.modules(),
                r -> g.outputRow(r % g.filters(), r / g.filters()) * n, g.taps(), (r, alphas, rows) -> {
                    int f = r % g.filters();
                    int m = r / g.filters();
                    int y0 = g.origin(m / g.modulesX());
                    int x0 = g.origin(m % g.modulesX());
                    int ch0 = g.groupOf(f) * cf;
                    int k = 0;
                    for (int ch = 0; ch < cf; ch++) {
                        for (int fy = 0; fy < fs; fy++) {
                            if (!g.inside(y0 + fy)) {
                                continue;
                            }
                            for (int fx = 0; fx < fs; fx++) {
                                double wv = g.inside(x0 + fx) ? w.get(g.weightIndex(m, ch, fy, fx, f)) : 0;
                                if (wv != 0) {
                                    alphas[k] = wv;
                                    rows[k++] = g.inputRow(ch0 + ch, y0 + fy, x0 + fx);
                                }
                            }
                        }
                    }
                    return k;
                }, call.accumulate());
    }

    static void backwardInput(Filter.BackwardInput call, KernelContext c) {
        ConvGeometry g = ConvGeometry.of(call.shape(), call.numCases(), c, "inputGrad", call.inputGrad(), "outputGrad",
                call.outputGrad(), "weights", call.weights());
        Elements w = Elements.of(call.weights());
        int n = g.numCases();
        int s = g.imgSize();
        int cf = g.filterChannels();
        int fg = g.groupFilters();
        int perAxis = g.modulesPerPixel();
        RowBlock outputGrad = RowBlock.rowsOf(call.outputGrad(), n);
        // Rows go pixel-major (r = p*C + ch): the channels of one pixel reuse the same gradient rows
        // while they are in cache.
        RowCombination.run(outputGrad, call.inputGrad(), g.channels() * s * s,
                r -> ((r % g.channels()) * s * s + r / g.channels()) * n, perAxis * perAxis * fg, (r, alphas, rows) -> {
                    int inCh = r % g.channels();
                    int y = r / g.channels() / s;
                    int x = r / g.channels() % s;
                    int group = inCh / cf;
                    int ch = inCh % cf;
                    int k = 0;
                    for (int my = 0; my < g.modulesX(); my++) {
                        int fy = y - g.origin(my);
                        if (fy < 0 || fy >= g.filterSize()) {
                            continue;
                        }
                        for (int mx = 0; mx < g.modulesX(); mx++) {
                            int fx = x - g.origin(mx);
                            if (fx < 0 || fx >= g.filterSize()) {
                                continue;
                            }
                            int m = my * g.modulesX() + mx;
                            for (int f = group * fg; f < (group + 1) * fg; f++) {
                                double wv = w.get(g.weightIndex(m, ch, fy, fx, f));
                                if (wv != 0) {
                                    alphas[k] = wv;
                                    rows[k++] = g.outputRow(f, m);
                                }
                            }
                        }
                    }
                    return k;
                }, call.accumulate());
    }

    static void backwardWeights(Filter.BackwardWeights call, KernelContext c) {
        ConvGeometry g = ConvGeometry.of(call.shape(), call.numCases(), c, "input", call.input(), "outputGrad",
                call.outputGrad(), "weightsGrad", call.weightsGrad());
        boolean local = g.local();
        Elements input = Elements.of(call.input());
        int n = g.numCases();
        int fs = g.filterSize();
        int fg = g.groupFilters();
        int groups = g.groups();
        int taps = g.taps();
        int mm = g.modules();
        // Row (g*M*M + m)*N + n holds outputGrad[f, m, n] for the group's filters f: weight rows are
        // contiguous over f, so each weight row segment is a combination of these rows.
        RowBlock gradByCase = RowBlock.transposedOf(call.outputGrad(), groups, fg, mm * n);
        // conv sums over all modules: sweep them in blocks of about 64K elements of gradByCase.
        int perBlock = local ? 1 : Math.max(1, Math.min(mm, (1 << 16) / (n * fg)));
        int blocks = local ? 1 : (mm + perBlock - 1) / perBlock;
        RowCombination.runBlocked(gradByCase, call.weightsGrad(), (local ? mm : 1) * taps * groups,
                r -> (r / groups) * g.filters() + (r % groups) * fg, blocks, perBlock * n,
                (r, block, alphas, rows) -> {
                    int group = r % groups;
                    int tap = (r / groups) % taps;
                    int inCh = group * g.filterChannels() + tap / (fs * fs);
                    int fy = (tap / fs) % fs;
                    int fx = tap % fs;
                    int m0 = local ? r / (groups * taps) : block * perBlock;
                    int k = 0;
                    for (int m = m0; m < Math.min(mm, m0 + perBlock); m++) {
                        int y = g.origin(m / g.modulesX()) + fy;
                        int x = g.origin(m % g.modulesX()) + fx;
                        if (!g.inside(y) || !g.inside(x)) {
                            continue;
                        }
                        int in0 = g.inputRow(inCh, y, x) * n;
                        int row0 = (group * mm + m) * n;
                        for (int i = 0; i < n; i++) {
                            double v = input.get(in0 + i);
                            if (v != 0) {
                                alphas[k] = v;
                                rows[k++] = row0 + i;
                            }
                        }
                    }
                    return k;
                }, call.accumulate());
    }
}
