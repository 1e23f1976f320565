package org.jconvnet.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What one Spark task of one round is given: which worker it is, the round (the driver's weights
 * version it must start from) and its shard of each minibatch of the round.
 *
 * @param worker  the worker's index, 0..N-1 (the partition it runs as)
 * @param version the version of the weights broadcast for this round
 * @param shards  its shard of each minibatch, in order (one for synchronous steps, up to K for local steps)
 * @param share   its cases over all the round's cases: the weight of its weights in the average (local steps)
 */
record WorkerTask(int worker, long version, List<Shard> shards, double share) implements Serializable {
}
