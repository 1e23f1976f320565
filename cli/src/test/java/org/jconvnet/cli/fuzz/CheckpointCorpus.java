package org.jconvnet.cli.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.cli.Cli;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.train.checkpoint.CheckpointLayout;

/**
 * Damaged checkpoints: truncated and malformed {@code .npy} files, manifests that disagree with
 * the files or lack parts, the checkpoint of another net, a {@code latest} pointer to a missing
 * directory. Each is loaded by {@code jconvnet test -f} and must end in exit 1 with one line
 * naming the checkpoint file or parameter at fault.
 *
 * <p>The valid checkpoint they start from is trained once, by {@code jconvnet train} on the tiny
 * test net; each input damages its own copy.
 */
final class CheckpointCorpus {
    private static final String WEIGHTS = "conv1.weights.npy";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path template;

    private final List<BadInput> out = new ArrayList<>();

    /** A change to a copy of the template's save directory; returns the {@code -f} argument. */
    private interface Damage {
        Path apply(Path save, Path checkpoint) throws IOException;
    }

    static List<BadInput> generate() {
        CheckpointCorpus c = new CheckpointCorpus();
        c.npyFiles();
        c.manifests();
        c.otherNets();
        c.pointers();
        return c.out;
    }

    private void npyFiles() {
        damage("truncated .npy", Place.all(WEIGHTS), (s, cp) -> cut(cp.resolve(WEIGHTS), 0.5));
        damage("truncated .npy, manifest updated", Place.all(WEIGHTS, "truncated"), (s, cp) -> {
            cut(cp.resolve(WEIGHTS), 0.5);
            return rehash(cp, WEIGHTS);
        });
        damage("missing .npy", Place.all(WEIGHTS), (s, cp) -> {
            Files.delete(cp.resolve(WEIGHTS));
            return cp;
        });
        damage(".npy of garbage, manifest updated", Place.all(WEIGHTS), (s, cp) -> {
            Files.write(cp.resolve(WEIGHTS), "this is not numpy".getBytes(StandardCharsets.US_ASCII));
            return rehash(cp, WEIGHTS);
        });
        damage(".npy of ints, manifest updated", Place.all(WEIGHTS), (s, cp) -> {
            Path f = cp.resolve(WEIGHTS);
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).replace("<f4", "<i4")
                    .replace("<f8", "<i8");
            Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
            return rehash(cp, WEIGHTS);
        });
        damage(".npy transposed, manifest updated", Place.all(WEIGHTS.replace(".npy", "")), (s, cp) -> {
            Path f = cp.resolve(WEIGHTS);
            NpyArray a = Npy.read(f);
            Npy.write(f, new NpyArray(new int[] {a.cols(), a.rows()}, a.fortranOrder(), a.dtype(), a.data()));
            return rehash(cp, WEIGHTS);
        });
        damage("data mean of the wrong length, manifest updated", Place.all(CheckpointLayout.DATA_MEAN), (s, cp) -> {
            Path f = cp.resolve(CheckpointLayout.DATA_MEAN);
            NpyArray a = Npy.read(f);
            Npy.write(f, new NpyArray(new int[] {10, 1}, false, a.dtype(), Arrays.copyOf(a.data(), 10)));
            return rehash(cp, CheckpointLayout.DATA_MEAN);
        });
    }

    private void manifests() {
        Place manifest = Place.all(CheckpointLayout.MANIFEST);
        damage("manifest shape disagrees with the .npy", Place.all(WEIGHTS.replace(".npy", ""), "shape"),
                (s, cp) -> editManifest(cp, m -> param(m, 0).put("shape", List.of(7L, 3L))));
        damage("manifest order disagrees with the .npy", Place.all(WEIGHTS.replace(".npy", "")),
                (s, cp) -> editManifest(cp, m -> param(m, 0).put("order", "F")));
        damage("manifest not JSON", manifest, (s, cp) -> write(cp.resolve(CheckpointLayout.MANIFEST), "{\"format\": jconvnet"));
        damage("manifest empty", manifest, (s, cp) -> write(cp.resolve(CheckpointLayout.MANIFEST), ""));
        damage("manifest a JSON list", manifest, (s, cp) -> write(cp.resolve(CheckpointLayout.MANIFEST), "[1, 2]"));
        damage("manifest of another format", manifest, (s, cp) -> editManifest(cp, m -> m.put("format", "npz")));
        damage("manifest from the future", manifest, (s, cp) -> editManifest(cp, m -> m.put("formatVersion", 99L)));
        for (String key : List.of("files", "params", "layerDef", "layerParams", "dataMean", "dtype", "epoch")) {
            damage("manifest without " + key, manifest.and(Place.all(key)), (s, cp) -> editManifest(cp, m -> m.remove(key)));
        }
        damage("manifest params not a list", manifest.and(Place.all("params")),
                (s, cp) -> editManifest(cp, m -> m.put("params", "conv1")));
        damage("manifest shape of one number", manifest.and(Place.all("shape")),
                (s, cp) -> editManifest(cp, m -> param(m, 0).put("shape", List.of(7L))));
        damage("manifest dtype unknown", manifest.and(Place.all("float16")), (s, cp) -> editManifest(cp, m -> m.put("dtype", "float16")));
        damage("manifest file entry without crc32", Place.all(WEIGHTS, "CRC-32"),
                (s, cp) -> editManifest(cp, m -> fileInfo(m, WEIGHTS).remove("crc32")));
        damage("manifest names a file it does not list", manifest.and(Place.all("nosuch.npy")),
                (s, cp) -> editManifest(cp, m -> param(m, 0).put("file", "nosuch.npy")));
    }

    private void otherNets() {
        damage("checkpoint of another net (more filters)", Place.all("conv1.weights", "shape"), (s, cp) -> {
            replaceInDef(cp, "filters=4", "filters=8");
            return cp;
        });
        // The layer-parameter file is re-read by name (as cuda-convnet does): it lacks [convA].
        damage("checkpoint of another net (layer renamed)", ExitCodes.USAGE_ERROR, Place.all("[convA]"), (s, cp) -> {
            replaceInDef(cp, "conv1", "convA");
            return cp;
        });
    }

    private void pointers() {
        damage("latest names a missing directory", Place.all("9.9"), (s, cp) -> {
            deleteTree(cp);
            write(s.resolve(CheckpointLayout.LATEST), "9.9\n");
            return s;
        });
        damage("latest names a damaged checkpoint, no other", Place.all(WEIGHTS), (s, cp) -> {
            cut(cp.resolve(WEIGHTS), 0.3);
            return s;
        });
        damage("save directory without checkpoints", Place.all("holds none"), (s, cp) -> {
            deleteTree(cp);
            Files.delete(s.resolve(CheckpointLayout.LATEST));
            return s;
        });
        // -f naming nothing is a usage error (exit 2), checked while parsing.
        damage("-f names nothing", ExitCodes.USAGE_ERROR, Place.all("nowhere"), (s, cp) -> s.resolve("nowhere"));
    }

    /** Adds one damaged copy of the template, loaded with {@code jconvnet test -f}: exit 1. */
    private void damage(String what, Place place, Damage damage) {
        damage(what, ExitCodes.RUNTIME_ERROR, place, damage);
    }

    private void damage(String what, int exit, Place place, Damage damage) {
        out.add(new BadInput("checkpoint/" + what, dir -> {
            Path save = copyOfTemplate(dir);
            Path checkpoint = save.resolve(Files.readString(save.resolve(CheckpointLayout.LATEST)).trim());
            Path f = damage.apply(save, checkpoint);
            return Judge.cli(exit, place, "test", "--backend", "cpu", "-f", f.toString());
        }));
    }

    /** A copy of the trained template's save directory under {@code dir}. */
    private static Path copyOfTemplate(Path dir) throws IOException {
        Path from = template(dir.getParent());
        Path to = dir.resolve("run");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Trains the tiny net once, one batch, saving one checkpoint; later calls reuse it. */
    private static synchronized Path template(Path root) throws IOException {
        if (template == null) {
            Path dir = Files.createDirectories(root.resolve("checkpoint-template"));
            Path data = CifarCorpus.valid(dir);
            Path net;
            try {
                net = Path.of(CheckpointCorpus.class.getResource("/org/jconvnet/cli/train/layers-tiny.cfg").toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            // The checkpoint keeps its net's text, so the copy it is damaged in may name it freely.
            java.io.StringWriter err = new java.io.StringWriter();
            int code = new Cli(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true))
                    .execute("train", "--backend", "cpu", "--data-path", data.toString(), "--layer-def", net.toString(),
                            "--train-range", "1", "--test-range", "6", "--epochs", "1", "--mini", "4", "--test-freq", "1",
                            "--save-path", dir.resolve("save").toString(), "--save-name", "run");
            Path save = dir.resolve("save/run");
            if (code != 0 || !Files.isRegularFile(save.resolve(CheckpointLayout.LATEST))) {
                throw new IllegalStateException("the template checkpoint was not written (exit " + code + "): " + err);
            }
            template = save;
        }
        return template;
    }

    private static Path cut(Path file, double keep) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, (int) (b.length * keep)));
        return file.getParent();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file.getParent();
    }

    private static void replaceInDef(Path cp, String from, String to) throws IOException {
        Path def = cp.resolve(CheckpointLayout.LAYER_DEF);
        Files.writeString(def, Files.readString(def).replace(from, to));
        rehash(cp, CheckpointLayout.LAYER_DEF);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> param(Map<String, Object> manifest, int i) {
        return (Map<String, Object>) ((List<Object>) manifest.get("params")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fileInfo(Map<String, Object> manifest, String name) {
        return (Map<String, Object>) ((Map<String, Object>) manifest.get("files")).get(name);
    }

    private interface Edit {
        void apply(Map<String, Object> manifest);
    }

    private static Path editManifest(Path cp, Edit edit) throws IOException {
        Path f = cp.resolve(CheckpointLayout.MANIFEST);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(f.toFile(), Map.class);
        edit.apply(m);
        JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), m);
        return cp;
    }

    /** Records the file's new size and CRC-32 in the manifest, as if it had been written so. */
    private static Path rehash(Path cp, String name) throws IOException {
        byte[] b = Files.readAllBytes(cp.resolve(name));
        CRC32 crc = new CRC32();
        crc.update(b);
        return editManifest(cp, m -> {
            Map<String, Object> info = fileInfo(m, name);
            info.put("bytes", (long) b.length);
            info.put("crc32", crc.getValue());
        });
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
