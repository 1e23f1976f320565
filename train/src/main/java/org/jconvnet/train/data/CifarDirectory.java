package org.jconvnet.train.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jconvnet.api.JConvNetException;

/**
 * A directory of CIFAR-10 binary batches ({@code cifar-10-batches-bin}): {@code data_batch_<k>.bin}
 * is batch k and {@code test_batch.bin} is batch 6, as cuda-convnet numbers them; each may also be
 * gzipped ({@code .bin.gz}). The directory may hold only some of the batches, and batches may be
 * smaller than 10000 images. Class names come from {@code batches.meta.txt} when present. Batches
 * are read once and kept, like cuda-convnet's provider which loads its whole range into memory.
 */
public final class CifarDirectory implements BatchSource {
    /** The batch number cuda-convnet gives the official test set. */
    public static final int TEST_BATCH = 6;
    /** The official class names, used when {@code batches.meta.txt} is absent. */
    public static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");
    private static final Pattern DATA = Pattern.compile("data_batch_(\\d+)\\.bin(\\.gz)?");
    private static final Pattern TEST = Pattern.compile("test_batch\\.bin(\\.gz)?");

    private final Path dir;
    private final List<String> names;
    private final Map<Integer, CifarBatch> cache = new HashMap<>();

    /** Opens a directory; fails when it does not exist or holds no batch file. */
    public CifarDirectory(Path dir) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) {
            throw new JConvNetException("--data-path " + dir + (Files.exists(dir)
                    ? ": is a file, not a directory of CIFAR-10 batches" : ": no such directory"));
        }
        if (available().isEmpty()) {
            throw new JConvNetException("--data-path " + dir + ": holds no CIFAR-10 binary batch "
                    + "(expected data_batch_1.bin .. data_batch_5.bin and test_batch.bin, optionally .gz); "
                    + "'jconvnet data download' fetches them");
        }
        this.names = readNames(dir.resolve("batches.meta.txt"));
    }

    private static List<String> readNames(Path meta) {
        if (!Files.isRegularFile(meta)) {
            return CIFAR10_NAMES;
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
            if (out.isEmpty()) {
                throw new JConvNetException(meta + ": lists no class names");
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + meta + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file holding batch {@code number}, plain preferred over gzipped. Anything of that name
     * counts, even a dangling link (the reader then refuses a directory or a missing target by
     * name), as {@link #available} lists it too.
     */
    public Optional<Path> fileOf(int number) {
        String base = number == TEST_BATCH ? "test_batch.bin" : "data_batch_" + number + ".bin";
        for (String name : List.of(base, base + ".gz")) {
            Path p = dir.resolve(name);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized CifarBatch batch(int number) {
        CifarBatch b = cache.get(number);
        if (b == null) {
            Path file = fileOf(number).orElseThrow(() -> new JConvNetException("batch " + number + " not found in "
                    + dir + ": expected " + (number == TEST_BATCH ? "test_batch.bin" : "data_batch_" + number + ".bin")
                    + " or its .gz; this directory holds batches " + available()));
            b = CifarBatchReader.read(file, number, names.size());
            cache.put(number, b);
        }
        return b;
    }

    @Override
    public SortedSet<Integer> available() {
        SortedSet<Integer> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String n = p.getFileName().toString();
                Matcher m = DATA.matcher(n);
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(1)));
                } else if (TEST.matcher(n).matches()) {
                    out.add(TEST_BATCH);
                }
            });
        } catch (IOException e) {
            throw new JConvNetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<String> labelNames() {
        return names;
    }

    @Override
    public String describe() {
        return "CIFAR-10 binary batches in " + dir + " (batches " + available() + ")";
    }
}
