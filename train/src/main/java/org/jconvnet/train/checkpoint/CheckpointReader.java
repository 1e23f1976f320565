package org.jconvnet.train.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.train.metrics.TrainJson;

/**
 * Loads checkpoints written by {@link CheckpointWriter}, verifying every file against the size
 * and CRC-32 in the manifest so that a damaged checkpoint is refused rather than half-loaded.
 */
public final class CheckpointReader {
    /** The values of a data mean: one per pixel and channel of a 32x32 CIFAR-10 image. */
    private static final int DATA_MEAN_VALUES = 3 * 32 * 32;

    private CheckpointReader() {
    }

    /**
     * Loads the newest good checkpoint. {@code path} is either one checkpoint directory (it holds
     * {@code manifest.json}) or a save directory: then the one named by {@code latest} is loaded,
     * and if that is missing or damaged, the newest committed one that loads.
     *
     * @param warn receives a line for each checkpoint skipped as unreadable
     * @throws JConvNetException when nothing loadable is found, listing what was tried and why
     */
    public static Checkpoint loadLatest(Path path, Consumer<String> warn) {
        if (Files.isRegularFile(path.resolve(CheckpointLayout.MANIFEST))) {
            return load(path);
        }
        if (!Files.isDirectory(path)) {
            throw new JConvNetException("-f " + path + ": no such checkpoint directory");
        }
        List<String> candidates = new ArrayList<>();
        Path pointer = path.resolve(CheckpointLayout.LATEST);
        if (Files.isRegularFile(pointer)) {
            try {
                String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    candidates.add(name);
                }
            } catch (IOException e) {
                warn.accept("cannot read " + pointer + ": " + e.getMessage());
            }
        }
        for (String n : committed(path)) {
            if (!candidates.contains(n)) {
                candidates.add(n);
            }
        }
        List<String> failures = new ArrayList<>();
        for (String name : candidates) {
            try {
                Checkpoint cp = load(path.resolve(name));
                if (!failures.isEmpty()) {
                    warn.accept("loaded checkpoint " + name + " after skipping: " + String.join("; ", failures));
                }
                return cp;
            } catch (JConvNetException e) {
                failures.add(e.getMessage());
            }
        }
        throw new JConvNetException("-f " + path + ": no loadable checkpoint"
                + (failures.isEmpty() ? " (the directory holds none)" : ": " + String.join("; ", failures)));
    }

    /** Committed checkpoint names under {@code root}, newest first. */
    public static List<String> committed(Path root) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> CheckpointLayout.parseName(n).isPresent()).forEach(out::add);
        } catch (IOException e) {
            throw new JConvNetException("cannot list " + root + ": " + e.getMessage(), e);
        }
        out.sort(CheckpointLayout.BY_AGE.reversed());
        return out;
    }

    /** Loads one checkpoint directory, verifying every file. */
    public static Checkpoint load(Path dir) {
        Path manifestFile = dir.resolve(CheckpointLayout.MANIFEST);
        String text;
        try {
            text = Files.readString(manifestFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new JConvNetException("checkpoint " + dir + ": has no " + CheckpointLayout.MANIFEST
                    + (Files.isDirectory(dir) ? "" : " (no such directory)"), e);
        } catch (IOException e) {
            throw new JConvNetException("checkpoint " + dir + ": cannot read " + CheckpointLayout.MANIFEST + ": " + e.getMessage(), e);
        }
        // The format and its version first, so that a newer format is refused for what it is.
        JsonNode tree = TrainJson.tree(text, manifestFile.toString());
        if (!Manifest.FORMAT.equals(tree.path("format").asText(null))) {
            throw new JConvNetException(manifestFile + ": not a jconvnet checkpoint manifest (no \"format\": \"" + Manifest.FORMAT + "\")");
        }
        long version = number(tree, "formatVersion", manifestFile);
        if (version > Checkpoint.FORMAT_VERSION) {
            throw new JConvNetException(manifestFile + ": format version " + version + " is newer than this jconvnet reads ("
                    + Checkpoint.FORMAT_VERSION + ")");
        }
        for (String key : List.of("epoch", "batchnum", "batchesDone")) {
            number(tree, key, manifestFile);
        }
        Manifest m = TrainJson.convert(tree, Manifest.class, manifestFile.toString());
        if (m.files() == null) {
            throw new JConvNetException(manifestFile + ": no \"files\" table");
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Map.Entry<String, Manifest.FileCheck> e : m.files().entrySet()) {
            contents.put(e.getKey(), readVerified(dir, e.getKey(), e.getValue()));
        }
        present(m.layerDef(), "layerDef", manifestFile);
        present(m.layerParams(), "layerParams", manifestFile);
        present(m.dataMean(), "dataMean", manifestFile);
        present(m.params(), "params", manifestFile);
        DType dtype;
        try {
            dtype = DType.parse(String.valueOf(m.dtype()));
        } catch (JConvNetException e) {
            throw new JConvNetException(manifestFile + ": \"dtype\": " + e.getMessage(), e);
        }
        String defText = text(contents, m.layerDef().file(), manifestFile);
        String parText = text(contents, m.layerParams().file(), manifestFile);
        double[] mean = npy(contents, m.dataMean(), dir, manifestFile).data();
        if (mean.length != DATA_MEAN_VALUES) {
            throw new JConvNetException("checkpoint " + dir + ": " + m.dataMean() + " holds " + mean.length
                    + " values, a data mean has " + DATA_MEAN_VALUES + " (one per CIFAR-10 pixel and channel)");
        }
        List<SavedParam> params = new ArrayList<>();
        for (Manifest.Param p : m.params()) {
            if (p == null || p.shape() == null || p.shape().size() != 2 || p.shape().contains(null)) {
                throw new JConvNetException(manifestFile + ": \"shape\" of " + (p == null ? "a param" : p.file())
                        + " is " + (p == null ? null : p.shape()) + ", not [rows, cols]");
            }
            int rows = p.shape().get(0);
            int cols = p.shape().get(1);
            MatrixOrder order = "F".equals(p.order()) ? MatrixOrder.FORTRAN : MatrixOrder.C;
            NpyArray w = npy(contents, p.file(), dir, manifestFile);
            NpyArray inc = npy(contents, p.momentumFile(), dir, manifestFile);
            for (NpyArray a : List.of(w, inc)) {
                if (a.rows() != rows || a.cols() != cols || a.fortranOrder() != (order == MatrixOrder.FORTRAN)) {
                    throw new JConvNetException("checkpoint " + dir + ": " + p.file() + " has shape " + a.shapeText()
                            + (a.fortranOrder() ? " F" : " C") + ", the manifest says (" + rows + ", " + cols + ") " + p.order());
                }
            }
            params.add(new SavedParam(p.layer(), p.param(), rows, cols, order, w.data(), inc.data()));
        }
        return new Checkpoint(m.epoch(), m.batchnum(), m.batchesDone(), dtype, m.layerDef().name(), defText,
                m.layerParams().name(), parText, m.options() != null ? m.options() : TrainJson.object(),
                m.metrics() != null ? List.copyOf(m.metrics()) : List.of(), mean, params);
    }

    /** A part of the manifest every checkpoint has; its absence is named, not a NullPointerException. */
    private static void present(Object part, String key, Path manifest) {
        if (part == null) {
            throw new JConvNetException(manifest + ": \"" + key + "\" is missing");
        }
    }

    private static long number(JsonNode tree, String key, Path file) {
        JsonNode v = tree.get(key);
        if (v == null || !v.isNumber()) {
            throw new JConvNetException(file + ": \"" + key + "\" is missing or not a number");
        }
        return v.asLong();
    }

    private static byte[] readVerified(Path dir, String name, Manifest.FileCheck check) {
        Path f = dir.resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new JConvNetException("checkpoint " + dir + ": cannot read " + name + ": " + e.getMessage(), e);
        }
        if (bytes.length != check.bytes()) {
            throw new JConvNetException("checkpoint " + dir + ": " + name + " has " + bytes.length
                    + " bytes, the manifest says " + check.bytes() + " (damaged)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != check.crc32()) {
            throw new JConvNetException("checkpoint " + dir + ": " + name + " fails its CRC-32 check (damaged)");
        }
        return bytes;
    }

    private static String text(Map<String, byte[]> contents, String name, Path manifest) {
        byte[] b = contents.get(name);
        if (b == null) {
            throw new JConvNetException(manifest + ": refers to " + name + ", which is not in its \"files\" table");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static NpyArray npy(Map<String, byte[]> contents, String name, Path dir, Path manifest) {
        byte[] b = contents.get(name);
        if (b == null) {
            throw new JConvNetException(manifest + ": refers to " + name + ", which is not in its \"files\" table");
        }
        try {
            return Npy.read(new ByteArrayInputStream(b), dir.resolve(name).toString());
        } catch (IOException e) {
            throw new JConvNetException("checkpoint " + dir + ": " + name + ": " + e.getMessage(), e);
        }
    }
}
