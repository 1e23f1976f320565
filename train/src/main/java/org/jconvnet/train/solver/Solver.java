package org.jconvnet.train.solver;

import org.jconvnet.layers.net.Net;

/**
 * An update rule bound to one {@link Net}: after the net's forward and backward, {@link #step}
 * changes every parameter that learns. The solver owns whatever state its rule keeps per parameter
 * (SGD's momentum), allocated on the net's backend and released by {@link #close()}; the net, its
 * parameters and their gradients stay the net's.
 */
public interface Solver extends AutoCloseable {

    /** The net this solver updates. */
    Net net();

    /**
     * One update of every parameter whose learning rate is not zero, from the gradients of the
     * net's last backward.
     *
     * @param progress training progress in [0, 1] (batches done / total batches), at which
     *                 learning-rate schedules are read
     * @throws IllegalStateException when the net has run no forward
     */
    default void step(double progress) {
        step(progress, net().lastForwardCases());
    }

    /**
     * The same update from gradients summed over {@code numCases} cases that were not necessarily
     * the net's own last forward: a data-parallel driver puts the gradients its workers summed over
     * their shards into the net's gradient tensors and updates with the cases of the whole minibatch.
     *
     * @param progress training progress in [0, 1]
     * @param numCases N, the number of cases the gradients are summed over (at least 1)
     */
    default void step(double progress, int numCases) {
        step(progress, numCases, 1.0);
    }

    /**
     * The same update with every learning rate multiplied by {@code rateFactor}: the factor of a
     * {@link LrSchedule} at the current epoch, applied on top of the layer-params rates (and of any
     * schedule those rates have of their own), exactly as if the file's {@code epsW}/{@code epsB}
     * had been multiplied by it. 1 leaves the rates as they are.
     *
     * @param progress   training progress in [0, 1]
     * @param numCases   N, the number of cases the gradients are summed over (at least 1)
     * @param rateFactor a finite number above 0
     */
    void step(double progress, int numCases, double rateFactor);

    /**
     * The rule's state of parameter {@code param} of {@code layer}, flat in the parameter's memory
     * order: what a checkpoint keeps as that parameter's momentum buffer (cuda-convnet's
     * {@code weightsInc}/{@code biasesInc}), so that a resumed run continues exactly.
     *
     * @throws IllegalArgumentException when the net has no such parameter
     */
    double[] history(String layer, String param);

    /**
     * Restores the state that {@link #history} returned.
     *
     * @throws IllegalArgumentException when the net has no such parameter or {@code v} has the wrong length
     */
    void setHistory(String layer, String param, double[] v);

    /** Releases the solver's state (the net stays open; it is not the solver's). Idempotent. */
    @Override
    void close();
}
