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
import org.jconvnet.train.json.Json;

/**
 * The metrics history: kept in memory (it goes into every checkpoint manifest) and appended, one
 * JSON object per line, to {@code metrics.jsonl} in the save directory as it happens.
 */
public final class MetricsLog {
    private final Path file;
    private final List<Map<String, Object>> records = new ArrayList<>();

    /**
     * Starts a log with an existing history (from a checkpoint). The file is rewritten to match
     * it, dropping records of batches trained after that checkpoint and then lost to a crash.
     *
     * @param file the {@code metrics.jsonl} path, or null to keep the log in memory only
     */
    public MetricsLog(Path file, List<Map<String, Object>> history) {
        this.file = file;
        records.addAll(history);
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                StringBuilder sb = new StringBuilder();
                for (Map<String, Object> r : records) {
                    sb.append(Json.write(r)).append('\n');
                }
                Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new JConvNetException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Appends a record. */
    public void add(Map<String, Object> record) {
        records.add(record);
        if (file != null) {
            try {
                Files.writeString(file, Json.write(record) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new JConvNetException("cannot append to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every record so far. */
    public List<Map<String, Object>> records() {
        return List.copyOf(records);
    }

    /** Reads a {@code metrics.jsonl} file. */
    public static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (!line.isBlank()) {
                    out.add(Json.parseObject(line, file + ":" + n));
                }
            }
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
