package org.jconvnet.train;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jconvnet.train.data.Minibatches.Minibatch;

/**
 * Where {@link Trainer}'s minibatches are trained: forward, backward and the update, on this
 * machine ({@link LocalMinibatchTrainer}) or spread over workers by a
 * {@link org.jconvnet.train.distributed.DistributedTrainerProvider}. The trainer keeps everything
 * else (batches, progress, result lines, tests, checkpoints), so a distributed run looks and saves
 * exactly like a single-machine one. When {@link #train} returns, the trainer's net holds the
 * updated parameters and its solver the updated state: that is what tests and checkpoints read.
 */
public interface MinibatchTrainer extends AutoCloseable {

    /**
     * How many consecutive minibatches one {@link #train} call takes: 1 when every minibatch is
     * one synchronised update; K for local steps averaged every K minibatches. The trainer passes
     * fewer at the end of a batch.
     */
    default int minibatchesPerCall() {
        return 1;
    }

    /**
     * Trains {@code minibatches}, in order, each with its update.
     *
     * @param minibatches consecutive minibatches of one served batch (1 to {@link #minibatchesPerCall()})
     * @param progress    training progress in [0, 1] at which learning-rate schedules are read
     * @param rateFactor  the {@code --lr-schedule} factor of the minibatches' epoch, by which every update
     *                    multiplies the learning rates ({@link org.jconvnet.train.solver.Solver#step(double, int, double)})
     * @param where       names a minibatch for error messages ("minibatch 2 of 10 (cases 16-31) of batch 1.2")
     * @return per minibatch, in order: per cost layer, its output rows summed over the minibatch's
     *         cases, as {@link org.jconvnet.layers.net.Net#forward} returns them
     * @throws org.jconvnet.train.run.DivergenceException when a cost is not finite (before that
     *         minibatch's update where the implementation can tell, see its documentation)
     */
    List<Map<String, double[]>> train(List<Minibatch> minibatches, double progress, double rateFactor,
                                      Function<Minibatch, String> where);

    /** Where the minibatches are trained, for the run's start line ("" on this machine). */
    default String describe() {
        return "";
    }

    /** Releases what the implementation started (a cluster connection); the net and solver stay open. */
    @Override
    default void close() {
    }
}
