package org.jconvnet.spark;

import java.util.Optional;
import org.jconvnet.train.MinibatchTrainer;
import org.jconvnet.train.distributed.DistributedOptions;
import org.jconvnet.train.distributed.DistributedRun;
import org.jconvnet.train.distributed.DistributedTrainerProvider;

/** Data-parallel training on Apache Spark ({@code jconvnet train --spark MASTER_URL --workers N}). */
public final class SparkTrainerProvider implements DistributedTrainerProvider {

    /** Found through {@link java.util.ServiceLoader}. */
    public SparkTrainerProvider() {
    }

    @Override
    public String name() {
        return "spark";
    }

    /** Spark itself is {@code provided}: present under spark-submit and the launcher, absent beside a bare module jar. */
    @Override
    public Optional<String> unavailableReason() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkTrainerProvider.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("the jconvnet-spark module is present but Apache Spark is not on the class path "
                    + "(use ./jconvnet from a built checkout, or spark-submit with the module's -app jar)");
        }
    }

    @Override
    public MinibatchTrainer open(DistributedOptions options, DistributedRun run) {
        return new SparkMinibatchTrainer(options, run);
    }
}
