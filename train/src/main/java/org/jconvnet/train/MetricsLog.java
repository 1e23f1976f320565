package org.jconvnet.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainJson;

/**
 * The metrics history: kept in memory (it goes into every checkpoint manifest) and appended, one
 * JSON object per line, to {@code metrics.jsonl} in the save directory as it happens (written
 * with {@link TrainJson}).
 */
public final class MetricsLog {
    private final Path file;
    private final List<Metric> records = new ArrayList<>();
    private java.util.function.Consumer<Metric> listener = m -> { };

    /**
     * Starts a log with an existing history (from a checkpoint). The file is rewritten to match
     * it, dropping records of batches trained after that checkpoint and then lost to a crash.
     *
     * @param file the {@code metrics.jsonl} path, or null to keep the log in memory only
     */
    public MetricsLog(Path file, List<Metric> history) {
        this.file = file;
        records.addAll(history);
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                StringBuilder sb = new StringBuilder();
                for (Metric r : records) {
                    sb.append(TrainJson.compact(r)).append('\n');
                }
                Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new JConvNetException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Hands every record added from now on to {@code l} as well, after it is written. */
    public MetricsLog listenedBy(java.util.function.Consumer<Metric> l) {
        this.listener = l;
        return this;
    }

    /** Appends a record. */
    public void add(Metric record) {
        records.add(record);
        if (file != null) {
            try {
                Files.writeString(file, TrainJson.compact(record) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new JConvNetException("cannot append to " + file + ": " + e.getMessage(), e);
            }
        }
        listener.accept(record);
    }

    /** Every record so far. */
    public List<Metric> records() {
        return List.copyOf(records);
    }

    /** The costs of the last test recorded, or none. */
    public Map<String, List<Double>> lastTestCosts() {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i) instanceof TestMetric t) {
                return t.costs();
            }
        }
        return Map.of();
    }

    /** Reads a {@code metrics.jsonl} file. */
    public static List<Metric> read(Path file) {
        List<Metric> out = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (!line.isBlank()) {
                    out.add(TrainJson.read(line, Metric.class, file + ":" + n));
                }
            }
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
