package org.jconvnet.train.distributed;

import org.jconvnet.train.MinibatchTrainer;

/**
 * A cluster engine that trains minibatches data-parallel, found through
 * {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/org.jconvnet.train.distributed.DistributedTrainerProvider}). The module
 * that implements it depends on {@code train}; nothing in the single-machine path depends on it.
 */
public interface DistributedTrainerProvider {

    /** The engine's name, as {@link DistributedOptions#engine()} gives it ({@code spark}). */
    String name();

    /**
     * Why the engine cannot run here (its own libraries are missing from the class path, as when
     * only this module's thin jar was installed), or empty when it can.
     */
    default java.util.Optional<String> unavailableReason() {
        return java.util.Optional.empty();
    }

    /**
     * Connects to the cluster and returns the trainer of {@code run}'s minibatches; it is closed
     * when the run ends.
     *
     * @throws org.jconvnet.api.JConvNetException when the cluster cannot be reached or set up
     */
    MinibatchTrainer open(DistributedOptions options, DistributedRun run);
}
