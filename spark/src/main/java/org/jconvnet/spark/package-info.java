/**
 * Data-parallel training on Apache Spark: {@link org.jconvnet.spark.SparkTrainerProvider} plugs
 * {@link org.jconvnet.spark.SparkMinibatchTrainer} into the single-machine trainer through the
 * {@code train.distributed} SPI. The driver owns the weights and the step counter; each Spark
 * task trains its shard of each minibatch on a replica of the net cached in its executor
 * ({@link org.jconvnet.spark.Replicas}). Design and its reasons: the module's README.
 */
package org.jconvnet.spark;
