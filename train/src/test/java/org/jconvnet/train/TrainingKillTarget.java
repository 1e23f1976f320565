package org.jconvnet.train;

import java.nio.file.Path;

/**
 * Child-JVM main for {@link TrainingKillTest}: trains the tiny net on the CPU backend, testing and
 * checkpointing after every batch, resuming from {@code args[2]} when it already holds a checkpoint.
 */
public final class TrainingKillTarget {
    private TrainingKillTarget() {
    }

    /** {@code args}: data directory, net cfg, save directory. */
    public static void main(String[] args) {
        Path save = Path.of(args[2]);
        TrainOptions.Builder b = TrainOptions.builder().backend("cpu").epochs(100000).testFreq(1);
        if (java.nio.file.Files.exists(save.resolve("latest"))) {
            b.loadFrom(save);
        } else {
            b.dataPath(Path.of(args[0])).layerDef(args[1]).trainRange("1-3").testRange("6").mini(8).seed(3L)
                    .savePath(save.getParent()).saveName(save.getFileName().toString());
        }
        TrainingJob.withDiscoveredBackends(System.out, System.err).train(b.build());
    }
}
