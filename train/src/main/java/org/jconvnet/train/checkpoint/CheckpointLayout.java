package org.jconvnet.train.checkpoint;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names inside a checkpoint directory ({@code <save-path>/<name>/}). */
public final class CheckpointLayout {
    /** The manifest in every checkpoint. */
    public static final String MANIFEST = "manifest.json";
    /** The pointer file naming the newest committed checkpoint. */
    public static final String LATEST = "latest";
    /** The metrics log, one JSON record per line. */
    public static final String METRICS = "metrics.jsonl";
    /** The layer definition copied into a checkpoint. */
    public static final String LAYER_DEF = "layer-def.cfg";
    /** The layer parameters copied into a checkpoint. */
    public static final String LAYER_PARAMS = "layer-params.cfg";
    /** The data mean, shape (3072, 1). */
    public static final String DATA_MEAN = "data-mean.npy";
    /** Prefix of directories being written; never read as checkpoints. */
    public static final String TMP_PREFIX = ".tmp-";
    /** Prefix of directories being deleted; never read as checkpoints. */
    public static final String TRASH_PREFIX = ".trash-";

    private static final Pattern NAME = Pattern.compile("(\\d+)\\.(\\d+)");

    private CheckpointLayout() {
    }

    /** (epoch, batchnum) of a committed checkpoint directory name such as {@code 12.3}. */
    public static Optional<int[]> parseName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Orders checkpoint names oldest first, numerically (so 10.1 follows 9.5), as cuda-convnet sorts. */
    public static final Comparator<String> BY_AGE = Comparator
            .comparingInt((String s) -> parseName(s).map(a -> a[0]).orElse(-1))
            .thenComparingInt(s -> parseName(s).map(a -> a[1]).orElse(-1));
}
