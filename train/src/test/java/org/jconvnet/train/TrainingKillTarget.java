package org.jconvnet.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.train.run.GracefulStop;

/**
 * Child-JVM main for {@link TrainingKillTest}: trains the tiny net on the embedded synthetic data
 * set and the CPU backend, testing and checkpointing after every batch (--test-freq 1), resuming
 * with -f when the save directory already holds a checkpoint. Exits 3 on an error, printing it.
 */
public final class TrainingKillTarget {
    private TrainingKillTarget() {
    }

    /** {@code args}: net cfg, save directory. */
    public static void main(String[] args) {
        Path save = Path.of(args[1]);
        TrainOptions.Builder b = TrainOptions.builder().backend("cpu").epochs(100000).testFreq(1);
        if (Files.exists(save.resolve("latest"))) {
            b.loadFrom(save);
        } else {
            b.layerDef(args[0]).trainRange("1-5").testRange("6").mini(32).seed(3L)
                    .savePath(save.getParent()).saveName(save.getFileName().toString());
        }
        try {
            TrainingJob.withDiscoveredBackends(System.out, System.err).train(b.build());
        } catch (RuntimeException e) {
            System.out.println("child failed: " + e);
            System.out.flush();
            GracefulStop.exit(3);
        }
    }
}
