package org.jconvnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.data.Minibatches.Minibatch;
import org.jconvnet.train.run.DivergenceGuard;
import org.jconvnet.train.solver.Solver;

/**
 * Trains each minibatch on this machine's net: forward, the divergence check (before the update,
 * so a non-finite cost changes nothing), backward and one solver step.
 */
public final class LocalMinibatchTrainer implements MinibatchTrainer {
    private final Net net;
    private final Solver solver;

    /** Trains {@code net} with {@code solver} (bound to it). */
    public LocalMinibatchTrainer(Net net, Solver solver) {
        this.net = net;
        this.solver = solver;
    }

    @Override
    public List<Map<String, double[]>> train(List<Minibatch> minibatches, double progress, double rateFactor,
                                             Function<Minibatch, String> where) {
        List<Map<String, double[]>> costs = new ArrayList<>(minibatches.size());
        for (Minibatch mb : minibatches) {
            Map<String, double[]> c = net.forward(mb.data(), mb.numCases(), PassMode.TRAIN);
            DivergenceGuard.checkCost(c, net, where.apply(mb));
            net.backward();
            solver.step(progress, mb.numCases(), rateFactor);
            costs.add(c);
        }
        return costs;
    }
}
