package org.jconvnet.conformance.check;

import java.util.List;

/**
 * A small weight layer for the layout probes and its output computed from the index
 * formulas alone (cuda-convnet.md §2.4; kernel-contracts.md "conv and local", "fc").
 *
 * @param type    {@code conv}, {@code local} or {@code fc}
 * @param c       input channels (fc: input dims)
 * @param s       input image size (fc: 1)
 * @param f       total filters F (fc: outputs)
 * @param fs      filter size
 * @param pad     zero padding
 * @param stride  module stride
 * @param groups  filter groups
 */
record ProbeGeometry(String type, int c, int s, int f, int fs, int pad, int stride, int groups) {

    /** conv with groups and stride 2, local with padding and stride 2, fc. */
    static final List<ProbeGeometry> ALL = List.of(
            new ProbeGeometry("conv", 8, 5, 32, 3, 1, 2, 2),
            new ProbeGeometry("local", 4, 5, 16, 3, 1, 2, 1),
            new ProbeGeometry("fc", 12, 1, 5, 1, 0, 1, 1));

    boolean isFc() {
        return type.equals("fc");
    }

    /** Modules per side, {@code 1 + ceil((2p + S - fs)/stride)}. */
    int m() {
        return isFc() ? 1 : 1 + (2 * pad + s - fs + stride - 1) / stride;
    }

    int cf() {
        return c / groups;
    }

    int inputDims() {
        return c * s * s;
    }

    int outputDims() {
        return isFc() ? f : f * m() * m();
    }

    int weightCount() {
        if (isFc()) {
            return c * f;
        }
        int perModule = cf() * fs * fs * f;
        return type.equals("local") ? m() * m() * perModule : perModule;
    }

    String layersCfg() {
        StringBuilder sb = new StringBuilder("[data]\ntype=data\ndataIdx=0\n\n[probe]\ntype=").append(type)
                .append("\ninputs=data\n");
        if (isFc()) {
            sb.append("outputs=").append(f).append("\ninitW=0.1\n");
        } else {
            sb.append("channels=").append(c).append("\nfilters=").append(f / groups).append("\nfilterSize=").append(fs)
                    .append("\npadding=").append(pad).append("\nstride=").append(stride).append("\ngroups=").append(groups)
                    .append("\ninitW=0.1\n");
            if (type.equals("conv")) {
                sb.append("partialSum=0\nsharedBiases=1\n");
            }
        }
        return sb.toString();
    }

    String paramsCfg() {
        return "[probe]\nepsW=0.001\nepsB=0.002\nmomW=0.9\nmomB=0.9\nwc=0\n";
    }

    /** The flat offset (cuda-convnet.md §2.4) of conv/local weight (my, mx, c, fy, fx, filter) or fc W[i=c, j=filter]. */
    int weightOffset(int my, int mx, int ch, int fy, int fx, int filter) {
        if (isFc()) {
            return filter * c + ch;
        }
        if (type.equals("local")) {
            return ((((my * m() + mx) * cf() + ch) * fs + fy) * fs + fx) * f + filter;
        }
        return ((ch * fs + fy) * fs + fx) * f + filter;
    }

    String describeWeight(int k) {
        if (isFc()) {
            return String.format("W[i=%d,j=%d] (flat %d)", k % c, k / c, k);
        }
        int filter = k % f;
        int r = k / f;
        int fx = r % fs;
        r /= fs;
        int fy = r % fs;
        r /= fs;
        int ch = r % cf();
        r /= cf();
        if (type.equals("local")) {
            return String.format("W[my=%d,mx=%d,c=%d,fy=%d,fx=%d,f=%d] (flat %d)", r / m(), r % m(), ch, fy, fx, filter, k);
        }
        return String.format("W[c=%d,fy=%d,fx=%d,f=%d] (flat %d)", ch, fy, fx, filter, k);
    }

    String describeActivation(int a, int n) {
        int cs = a % n;
        int d = a / n;
        if (isFc()) {
            return String.format("x[i=%d,n=%d] (flat %d)", d, cs, a);
        }
        return String.format("x[c=%d,y=%d,x=%d,n=%d] (flat %d)", d / (s * s), (d / s) % s, d % s, cs, a);
    }

    /** Output when the only non-zero weight is flat index {@code k} (= 1) and the input is {@code in}. */
    double[] expectedForOneWeight(int k, double[] in, int n) {
        double[] out = new double[outputDims() * n];
        forEachConnection((outRow, inRow, wIdx) -> {
            if (wIdx == k) {
                for (int cs = 0; cs < n; cs++) {
                    out[outRow * n + cs] += in[inRow * n + cs];
                }
            }
        });
        return out;
    }

    /** Output when the only non-zero input is flat offset {@code a} (= 1) under weights {@code w}. */
    double[] expectedForOneActivation(int a, double[] w, int n) {
        double[] out = new double[outputDims() * n];
        int row = a / n;
        int cs = a % n;
        forEachConnection((outRow, inRow, wIdx) -> {
            if (inRow == row) {
                out[outRow * n + cs] += w[wIdx];
            }
        });
        return out;
    }

    private interface Connection {
        void accept(int outRow, int inRow, int weightIndex);
    }

    /** Every (output row, input row, weight index) product the layer's forward pass sums, per cuda-convnet.md §3. */
    private void forEachConnection(Connection visit) {
        if (isFc()) {
            for (int j = 0; j < f; j++) {
                for (int i = 0; i < c; i++) {
                    visit.accept(j, i, weightOffset(0, 0, i, 0, 0, j));
                }
            }
            return;
        }
        int m = m();
        int perGroup = f / groups;
        for (int filter = 0; filter < f; filter++) {
            int g = filter / perGroup;
            for (int my = 0; my < m; my++) {
                for (int mx = 0; mx < m; mx++) {
                    int outRow = (filter * m + my) * m + mx;
                    for (int ch = 0; ch < cf(); ch++) {
                        int inC = g * cf() + ch;
                        for (int fy = 0; fy < fs; fy++) {
                            int y = my * stride - pad + fy;
                            for (int fx = 0; fx < fs; fx++) {
                                int x = mx * stride - pad + fx;
                                if (y < 0 || y >= s || x < 0 || x >= s) {
                                    continue;
                                }
                                visit.accept(outRow, (inC * s + y) * s + x, weightOffset(my, mx, ch, fy, fx, filter));
                            }
                        }
                    }
                }
            }
        }
    }
}
