package org.jconvnet.train.distributed;

import org.jconvnet.train.InvalidOptionException;

/**
 * How a run is spread over a cluster ({@code train --spark MASTER --workers N --sync-every K}).
 *
 * @param engine    the provider's name ({@code spark})
 * @param master    the cluster's master URL ({@code local[4]}, {@code spark://host:7077}, ...);
 *                  empty: the one the launching tool (spark-submit) configured
 * @param workers   N: each minibatch is cut into N shards, one per worker task
 * @param syncEvery K: 1 combines the workers' gradients every minibatch (the result equals one
 *                  machine's); K &gt; 1 lets each worker take K local steps, then averages the weights
 */
public record DistributedOptions(String engine, String master, int workers, int syncEvery) {

    /** Checks the counts. */
    public DistributedOptions {
        if (engine == null || engine.isBlank()) {
            throw new InvalidOptionException("a distributed run needs an engine name");
        }
        master = master == null ? "" : master.strip();
        if (workers < 1) {
            throw new InvalidOptionException("--workers " + workers + ": at least 1 worker is needed");
        }
        if (syncEvery < 1) {
            throw new InvalidOptionException("--sync-every " + syncEvery + ": at least 1 (1: every minibatch)");
        }
    }

    /** A Spark run. */
    public static DistributedOptions spark(String master, int workers, int syncEvery) {
        return new DistributedOptions("spark", master, workers, syncEvery);
    }
}
