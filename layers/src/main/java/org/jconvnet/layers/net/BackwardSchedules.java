package org.jconvnet.layers.net;

/**
 * Every backward pass a {@link Net} can run, planned once when the net is built: from the cost
 * layers ({@link Net#backward()}) and from each single layer ({@link Net#backwardFrom}), each with
 * data gradients off and on. A pass then only looks its schedule up.
 */
final class BackwardSchedules {
    private final BackwardSchedule[] fromCosts = new BackwardSchedule[2];
    private final BackwardSchedule[][] fromLayer;

    BackwardSchedules(NetGraph graph, NetParameters params, NetLayerRun.Source runs) {
        int n = graph.size();
        fromLayer = new BackwardSchedule[n][2];
        boolean[] costs = new boolean[n];
        for (int i = 0; i < n; i++) {
            costs[i] = graph.layer(i).isCost();
        }
        for (int data = 0; data < 2; data++) {
            fromCosts[data] = BackwardSchedule.plan(graph, params, runs, costs, -1, data == 1);
            for (int root = 0; root < n; root++) {
                boolean[] roots = new boolean[n];
                roots[root] = true;
                fromLayer[root][data] = BackwardSchedule.plan(graph, params, runs, roots, root, data == 1);
            }
        }
    }

    /** The pass from every cost layer. */
    BackwardSchedule fromCosts(boolean dataGradients) {
        return fromCosts[dataGradients ? 1 : 0];
    }

    /** The pass from a gradient given at layer {@code root}'s output. */
    BackwardSchedule fromLayer(int root, boolean dataGradients) {
        return fromLayer[root][dataGradients ? 1 : 0];
    }
}
