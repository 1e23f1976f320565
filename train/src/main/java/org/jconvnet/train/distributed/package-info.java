/**
 * The seam between single-machine training and data-parallel training on a cluster: a
 * {@link org.jconvnet.train.distributed.DistributedTrainerProvider} found through
 * {@link java.util.ServiceLoader} supplies the {@link org.jconvnet.train.MinibatchTrainer} that
 * spreads each minibatch over workers. Nothing here depends on a cluster engine; the Spark
 * implementation lives in its own module, which the single-machine installation leaves out.
 */
package org.jconvnet.train.distributed;
