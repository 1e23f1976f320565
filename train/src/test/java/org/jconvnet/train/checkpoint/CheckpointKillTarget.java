package org.jconvnet.train.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM main for {@link CheckpointKillTest}: resumes from the newest good checkpoint under
 * {@code args[0]} (if any) and then writes one checkpoint per step forever, printing each step.
 * The parent kills it with SIGKILL at random moments.
 */
public final class CheckpointKillTarget {
    private CheckpointKillTarget() {
    }

    /** {@code args[0]}: save directory; {@code args[1]}: rows of the big parameter. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int bigRows = Integer.parseInt(args[1]);
        long step = 0;
        if (Files.exists(root.resolve(CheckpointLayout.LATEST))) {
            Checkpoint cp = CheckpointReader.loadLatest(root, System.err::println);
            step = SyntheticCheckpoints.verify(cp, bigRows) + 1;
            System.out.println("resumed " + (step - 1));
        }
        CheckpointWriter w = new CheckpointWriter();
        while (true) {
            w.write(root, SyntheticCheckpoints.make(step, bigRows));
            System.out.println("saved " + step);
            System.out.flush();
            step++;
        }
    }
}
