package org.jconvnet.train.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.train.metrics.TrainJson;

/**
 * Writes checkpoints so that a crash at any instant leaves the previous one intact:
 * <ol>
 *   <li>every file goes into a fresh {@code .tmp-*} directory and is fsynced; the manifest
 *       (with each file's size and CRC-32) is written last, then the directory is fsynced;</li>
 *   <li>the directory is renamed atomically to {@code <epoch>.<batchnum>} and the parent fsynced;</li>
 *   <li>{@code latest} is replaced atomically (write {@code .latest.tmp}, fsync, rename, fsync
 *       parent) — this is the commit point;</li>
 *   <li>older checkpoints are first renamed to {@code .trash-*} (atomic, so a half-deleted one
 *       can never be mistaken for a checkpoint) and then deleted, as are leftovers of
 *       interrupted writes.</li>
 * </ol>
 * A write that fails (a full disk: {@code No space left on device}) removes its own temporary files
 * before it throws, so the space comes back and the previous checkpoint stays the latest.
 * Old checkpoints are kept when {@code keep > 1} (cuda-convnet keeps only the newest by default).
 */
public final class CheckpointWriter {
    private final CheckpointFs fs;
    private final int keep;

    /**
     * @param fs   the file operations (tests inject failures)
     * @param keep how many newest checkpoints to keep, at least 1
     */
    public CheckpointWriter(CheckpointFs fs, int keep) {
        this.fs = fs;
        this.keep = Math.max(1, keep);
    }

    /** A writer on the real file system keeping only the newest checkpoint. */
    public CheckpointWriter() {
        this(CheckpointFs.DURABLE, 1);
    }

    /**
     * Saves {@code cp} under {@code root} (created if missing) and returns the committed directory.
     *
     * @throws IOException when a step fails; the previous checkpoint is then still the latest
     */
    public Path write(Path root, Checkpoint cp) throws IOException {
        Files.createDirectories(root);
        Path tmp = root.resolve(CheckpointLayout.TMP_PREFIX + cp.name() + "-" + System.nanoTime());
        Path pointerTmp = root.resolve("." + CheckpointLayout.LATEST + ".tmp-" + System.nanoTime());
        try {
            Path target = commit(root, cp, tmp, pointerTmp);
            pruneOld(root, cp.name());
            return target;
        } catch (IOException e) {
            // A full disk is the usual cause: give the half-written files' space back at once.
            // Nothing here touches a committed checkpoint; the next write removes what remains.
            for (Path leftover : new Path[] {tmp, pointerTmp}) {
                try {
                    if (Files.exists(leftover)) {
                        fs.deleteTree(leftover);
                    }
                } catch (IOException | RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
    }

    /** Steps 1-3: writes {@code tmp}, renames it into place and points {@code latest} at it. */
    private Path commit(Path root, Checkpoint cp, Path tmp, Path pointerTmp) throws IOException {
        fs.createDirectory(tmp);
        Map<String, Manifest.FileCheck> files = new LinkedHashMap<>();
        put(tmp, files, CheckpointLayout.LAYER_DEF, cp.layerDefText().getBytes(StandardCharsets.UTF_8));
        put(tmp, files, CheckpointLayout.LAYER_PARAMS, cp.layerParamsText().getBytes(StandardCharsets.UTF_8));
        put(tmp, files, CheckpointLayout.DATA_MEAN, Npy.encode(new NpyArray(new int[] {cp.dataMean().length, 1},
                false, org.jconvnet.api.tensor.DType.FLOAT64, cp.dataMean())));
        List<Manifest.Param> params = new ArrayList<>();
        for (SavedParam p : cp.params()) {
            boolean fortran = p.order() == MatrixOrder.FORTRAN;
            int[] shape = {p.rows(), p.cols()};
            put(tmp, files, p.fileName(), Npy.encode(new NpyArray(shape, fortran, cp.dtype(), p.values())));
            put(tmp, files, p.momentumFileName(), Npy.encode(new NpyArray(shape, fortran, cp.dtype(), p.momentum())));
            params.add(new Manifest.Param(p.layer(), p.param(), List.of(p.rows(), p.cols()), fortran ? "F" : "C",
                    p.fileName(), p.momentumFileName()));
        }
        fs.writeDurably(tmp.resolve(CheckpointLayout.MANIFEST),
                TrainJson.pretty(manifest(cp, params, files)).getBytes(StandardCharsets.UTF_8));
        fs.syncDirectory(tmp);

        Path target = root.resolve(cp.name());
        if (Files.exists(target)) {
            // Saving the same epoch.batch again (a resumed run that re-trained it): retire the old one first.
            fs.moveAtomically(target, root.resolve(CheckpointLayout.TRASH_PREFIX + cp.name() + "-" + System.nanoTime()));
        }
        fs.moveAtomically(tmp, target);
        fs.syncDirectory(root);

        fs.writeDurably(pointerTmp, (cp.name() + "\n").getBytes(StandardCharsets.UTF_8));
        fs.moveAtomically(pointerTmp, root.resolve(CheckpointLayout.LATEST));
        fs.syncDirectory(root);
        return target;
    }

    private void put(Path dir, Map<String, Manifest.FileCheck> files, String name, byte[] bytes) throws IOException {
        fs.writeDurably(dir.resolve(name), bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        files.put(name, new Manifest.FileCheck(bytes.length, crc.getValue()));
    }

    private static Manifest manifest(Checkpoint cp, List<Manifest.Param> params, Map<String, Manifest.FileCheck> files) {
        return new Manifest(Manifest.FORMAT, Checkpoint.FORMAT_VERSION, cp.epoch(), cp.batchNum(), cp.batchesDone(),
                cp.dtype().label(), new Manifest.NamedFile(cp.layerDefName(), CheckpointLayout.LAYER_DEF),
                new Manifest.NamedFile(cp.layerParamsName(), CheckpointLayout.LAYER_PARAMS), CheckpointLayout.DATA_MEAN,
                cp.options(), params, cp.metrics(), files);
    }

    /** Retires checkpoints beyond the newest {@code keep} and leftovers of interrupted writes. */
    private void pruneOld(Path root, String current) throws IOException {
        List<String> committed = new ArrayList<>();
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.forEach(p -> {
                String n = p.getFileName().toString();
                if (CheckpointLayout.parseName(n).isPresent() && Files.isDirectory(p)) {
                    committed.add(n);
                } else if (n.startsWith(CheckpointLayout.TRASH_PREFIX)
                        || n.startsWith(CheckpointLayout.TMP_PREFIX)
                        || n.startsWith("." + CheckpointLayout.LATEST + ".tmp-")) {
                    leftovers.add(p);
                }
            });
        }
        committed.sort(CheckpointLayout.BY_AGE.reversed());
        committed.remove(current);
        int kept = 1;
        for (String name : committed) {
            if (kept < keep) {
                kept++;
                continue;
            }
            Path trash = root.resolve(CheckpointLayout.TRASH_PREFIX + name + "-" + System.nanoTime());
            fs.moveAtomically(root.resolve(name), trash);
            leftovers.add(trash);
        }
        for (Path p : leftovers) {
            fs.deleteTree(p);
        }
    }
}
