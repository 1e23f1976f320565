package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.layer.Layer;

/**
 * One backward pass of a {@link Net}, planned in advance: which layers run, in which order, with
 * which input gradients, which of those accumulate, and which output gradients are zeroed first.
 * It depends only on the net's shape, the roots the pass starts from and whether data gradients
 * are wanted, so the net plans each such pass once, when it is built ({@link BackwardSchedules}).
 *
 * <p>The plan: layers from which no root is reachable, data layers and layers whose output
 * gradient nothing below needs (nothing trainable below, data gradients off) are skipped; so is a
 * layer whose backward an active consumer absorbs, and that consumer writes into the absorbed
 * layer's input gradient instead. An activation consumed by several layers receives the sum of
 * their gradients: the second and later writers accumulate. An output gradient that no consumer
 * wrote (its consumers need none) is zeroed before its layer runs.
 */
final class BackwardSchedule {
    /** One layer's backward: zero its output gradient first, or not, then run it. */
    record Step(Layer layer, int index, boolean zeroOutputGrad, NetLayerRun run) {
    }

    private final int[] zeroFirst;
    private final List<Step> steps;

    private BackwardSchedule(int[] zeroFirst, List<Step> steps) {
        this.zeroFirst = zeroFirst;
        this.steps = List.copyOf(steps);
    }

    /** Layers whose output gradient is zeroed before any step (data layers, when data gradients are on). */
    int[] zeroFirst() {
        return zeroFirst;
    }

    /** The layers' backward runs, last layer first. */
    List<Step> steps() {
        return steps;
    }

    /**
     * Plans the backward pass from {@code roots}.
     *
     * @param seeded        a root whose output gradient is given (so already written), or -1
     * @param dataGradients whether data layers' output gradients are wanted
     */
    static BackwardSchedule plan(NetGraph graph, NetParameters params, NetLayerRun.Source runs, boolean[] roots, int seeded,
                                 boolean dataGradients) {
        int n = graph.size();
        boolean[] active = ancestorsOf(graph, roots);
        boolean[] needs = needsGradient(graph, params, dataGradients);
        boolean[] written = new boolean[n];
        if (seeded >= 0) {
            written[seeded] = true;
        }
        int[] zeroFirst = dataGradients
                ? java.util.stream.IntStream.range(0, n).filter(graph::isData).toArray() : new int[0];
        List<Step> steps = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            Layer l = graph.layer(i);
            if (!active[i] || graph.isData(i) || !needs[i]) {
                continue;
            }
            if (graph.absorbedBy(i) >= 0 && active[graph.absorbedBy(i)]) {
                continue;
            }
            boolean zeroOutputGrad = !l.isCost() && !written[i];
            written[i] |= zeroOutputGrad;
            int[] in = graph.inputs(i);
            int[] targets = in.clone();
            int a = l.absorbsBackwardOf();
            boolean absorbing = a >= 0 && a < in.length && graph.absorbedBy(in[a]) == i;
            if (absorbing) {
                targets[a] = graph.inputs(in[a])[0];
            }
            int[] gradTargets = new int[in.length];
            boolean[] accumulate = new boolean[in.length];
            for (int j = 0; j < in.length; j++) {
                int t = targets[j];
                gradTargets[j] = needs[t] ? t : -1;
                if (!needs[t]) {
                    continue;
                }
                boolean earlier = false;
                for (int k = 0; k < j; k++) {
                    earlier |= gradTargets[k] == t;
                }
                accumulate[j] = written[t] || earlier;
            }
            steps.add(new Step(l, i, zeroOutputGrad, runs.backward(i, gradTargets, accumulate, absorbing)));
            for (int t : gradTargets) {
                if (t >= 0) {
                    written[t] = true;
                }
            }
        }
        return new BackwardSchedule(zeroFirst, steps);
    }

    /** Layers from which some root is reachable (roots included). */
    private static boolean[] ancestorsOf(NetGraph graph, boolean[] roots) {
        boolean[] active = roots.clone();
        for (int i = graph.size() - 1; i >= 0; i--) {
            if (active[i]) {
                for (int j : graph.inputs(i)) {
                    active[j] = true;
                }
            }
        }
        return active;
    }

    /** Whether the gradient at each layer's output is needed by something below it. */
    private static boolean[] needsGradient(NetGraph graph, NetParameters params, boolean dataGradients) {
        boolean[] needs = new boolean[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            if (graph.isData(i)) {
                needs[i] = dataGradients;
                continue;
            }
            boolean any = params.trainable(i);
            for (int j : graph.inputs(i)) {
                any |= needs[j];
            }
            needs[i] = any;
        }
        return needs;
    }
}
