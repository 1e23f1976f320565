package org.jconvnet.cli.archfixture;

import org.jconvnet.spark.SparkTrainerProvider;

/** Test fixture: names the spark module's provider instead of finding it through ServiceLoader. */
public final class SparkModuleUser {
    private SparkModuleUser() {
    }

    /** The forbidden reference, never run. */
    public static Object offence() {
        return new SparkTrainerProvider();
    }
}
