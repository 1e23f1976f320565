package org.jconvnet.train;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.CifarBatch;
import org.jconvnet.train.data.CifarDirectory;

/**
 * The data set of a loaded checkpoint when it cannot be read here (moved, or never copied to the
 * machine that only predicts): no batch, no class names, and a message naming the directory and
 * what is wrong with it whenever a batch is asked for.
 */
final class UnreadableData implements BatchSource {
    private final String reason;

    private UnreadableData(String reason) {
        this.reason = reason;
    }

    /** The directory's batches, or this placeholder when the directory cannot be opened. */
    static BatchSource orOpen(Path dir) {
        try {
            return new CifarDirectory(dir);
        } catch (JConvNetException e) {
            return new UnreadableData("the data set is not readable here (" + e.getMessage() + ")");
        }
    }

    /** Why there is no data, naming the directory. */
    String reason() {
        return reason;
    }

    @Override
    public CifarBatch batch(int number) {
        throw new JConvNetException("batch " + number + ": " + reason);
    }

    @Override
    public SortedSet<Integer> available() {
        return Collections.emptySortedSet();
    }

    @Override
    public List<String> labelNames() {
        return List.of();
    }

    @Override
    public String describe() {
        return "no data: " + reason;
    }
}
