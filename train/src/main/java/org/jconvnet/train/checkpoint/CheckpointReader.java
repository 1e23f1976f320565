package org.jconvnet.train.checkpoint;

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
import org.jconvnet.train.json.Json;

/**
 * Loads checkpoints written by {@link CheckpointWriter}, verifying every file against the size
 * and CRC-32 in the manifest so that a damaged checkpoint is refused rather than half-loaded.
 */
public final class CheckpointReader {
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
    @SuppressWarnings("unchecked")
    public static Checkpoint load(Path dir) {
        Path manifestFile = dir.resolve(CheckpointLayout.MANIFEST);
        Map<String, Object> m;
        try {
            m = Json.parseObject(Files.readString(manifestFile, StandardCharsets.UTF_8), manifestFile.toString());
        } catch (IOException e) {
            throw new JConvNetException("checkpoint " + dir + ": cannot read " + CheckpointLayout.MANIFEST + ": " + e.getMessage(), e);
        }
        if (!"jconvnet-checkpoint".equals(m.get("format"))) {
            throw new JConvNetException(manifestFile + ": not a jconvnet checkpoint manifest (no \"format\": \"jconvnet-checkpoint\")");
        }
        long version = num(m, "formatVersion", manifestFile);
        if (version > Checkpoint.FORMAT_VERSION) {
            throw new JConvNetException(manifestFile + ": format version " + version + " is newer than this jconvnet reads ("
                    + Checkpoint.FORMAT_VERSION + ")");
        }
        Map<String, Object> files = (Map<String, Object>) m.get("files");
        if (files == null) {
            throw new JConvNetException(manifestFile + ": no \"files\" table");
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : files.entrySet()) {
            contents.put(e.getKey(), readVerified(dir, e.getKey(), (Map<String, Object>) e.getValue()));
        }
        DType dtype = DType.parse(String.valueOf(m.get("dtype")));
        Map<String, Object> def = (Map<String, Object>) m.get("layerDef");
        Map<String, Object> par = (Map<String, Object>) m.get("layerParams");
        String defText = text(contents, String.valueOf(def.get("file")), manifestFile);
        String parText = text(contents, String.valueOf(par.get("file")), manifestFile);
        double[] mean = npy(contents, String.valueOf(m.get("dataMean")), dir).data();
        List<SavedParam> params = new ArrayList<>();
        for (Object o : (List<Object>) m.get("params")) {
            Map<String, Object> p = (Map<String, Object>) o;
            List<Object> shape = (List<Object>) p.get("shape");
            int rows = ((Number) shape.get(0)).intValue();
            int cols = ((Number) shape.get(1)).intValue();
            MatrixOrder order = "F".equals(p.get("order")) ? MatrixOrder.FORTRAN : MatrixOrder.C;
            NpyArray w = npy(contents, String.valueOf(p.get("file")), dir);
            NpyArray inc = npy(contents, String.valueOf(p.get("momentumFile")), dir);
            for (NpyArray a : List.of(w, inc)) {
                if (a.rows() != rows || a.cols() != cols || a.fortranOrder() != (order == MatrixOrder.FORTRAN)) {
                    throw new JConvNetException("checkpoint " + dir + ": " + p.get("file") + " has shape " + a.shapeText()
                            + (a.fortranOrder() ? " F" : " C") + ", the manifest says (" + rows + ", " + cols + ") " + p.get("order"));
                }
            }
            params.add(new SavedParam(String.valueOf(p.get("layer")), String.valueOf(p.get("param")), rows, cols, order,
                    w.data(), inc.data()));
        }
        List<Map<String, Object>> metrics = new ArrayList<>();
        Object mo = m.get("metrics");
        if (mo instanceof List) {
            for (Object o : (List<Object>) mo) {
                metrics.add((Map<String, Object>) o);
            }
        }
        Object opts = m.get("options");
        return new Checkpoint((int) num(m, "epoch", manifestFile), (int) num(m, "batchnum", manifestFile),
                num(m, "batchesDone", manifestFile), dtype, String.valueOf(def.get("name")), defText,
                String.valueOf(par.get("name")), parText,
                opts instanceof Map ? (Map<String, Object>) opts : Map.of(), metrics, mean, params);
    }

    private static long num(Map<String, Object> m, String key, Path file) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new JConvNetException(file + ": \"" + key + "\" is missing or not a number");
        }
        return ((Number) v).longValue();
    }

    private static byte[] readVerified(Path dir, String name, Map<String, Object> info) {
        Path f = dir.resolve(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new JConvNetException("checkpoint " + dir + ": cannot read " + name + ": " + e.getMessage(), e);
        }
        long want = ((Number) info.get("bytes")).longValue();
        if (bytes.length != want) {
            throw new JConvNetException("checkpoint " + dir + ": " + name + " has " + bytes.length
                    + " bytes, the manifest says " + want + " (damaged)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != ((Number) info.get("crc32")).longValue()) {
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

    private static NpyArray npy(Map<String, byte[]> contents, String name, Path dir) {
        byte[] b = contents.get(name);
        if (b == null) {
            throw new JConvNetException("checkpoint " + dir + ": manifest refers to " + name
                    + ", which is not in its \"files\" table");
        }
        try {
            return Npy.read(new ByteArrayInputStream(b), dir.resolve(name).toString());
        } catch (IOException e) {
            throw new JConvNetException("checkpoint " + dir + ": " + name + ": " + e.getMessage(), e);
        }
    }
}
