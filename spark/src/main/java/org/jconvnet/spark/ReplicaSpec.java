package org.jconvnet.spark;

import java.io.Serializable;

/**
 * Everything an executor needs to build its replica of the net, shipped with every task (a few
 * kilobytes: the two cfg texts): the net is rebuilt from the very files the driver loaded, so
 * every replica has the driver's layers, shapes and parameter order.
 *
 * @param jobId             this run's identity; replicas are cached per job and worker
 * @param layerDefName      the layer-definition's name (for messages)
 * @param layerDefText      its text
 * @param layerParamsName   the layer-params file's name
 * @param layerParamsText   its text
 * @param imageSize         the side of the served images (32, or 24 when cropped)
 * @param dtype             the net's precision label ({@code float32}, {@code float64})
 * @param backend           the backend to use on executors, or null for the usual automatic choice
 * @param seed              the run's seed (stochastic layers are seeded with it)
 * @param localSteps        whether tasks take local steps with their own solver (sync every K &gt; 1)
 */
record ReplicaSpec(String jobId, String layerDefName, String layerDefText, String layerParamsName,
                   String layerParamsText, int imageSize, String dtype, String backend, long seed,
                   boolean localSteps) implements Serializable {
}
