package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointLayout;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device memory running out in the middle of a training run, simulated by a backend whose
 * allocations start failing (as a GPU's do when its memory is exhausted) once the run has saved a
 * checkpoint. The run must end with one error naming the layer and the tensor it could not get,
 * leave the last checkpoint as it was, and leave the JVM and the backend choice usable.
 */
class DeviceMemoryExhaustedTest {
    @TempDir
    Path tmp;

    @Test
    void anAllocationFailureMidRunNamesLayerAndTensorAndKeepsTheLastCheckpoint() throws IOException {
        Path def = TinyData.tinyNet(tmp.resolve("net"), "0.0001");
        Path run = tmp.resolve("save").resolve("run");
        // The device runs out once the run has written its first checkpoint (after batch 1.1's
        // test): the next allocation, in the middle of the run, fails.
        // The checkpoint's files are copied at that moment, to hold the run's end against them.
        AtomicBoolean memoryBack = new AtomicBoolean();
        Map<String, byte[]> atExhaustion = new TreeMap<>();
        BooleanSupplier exhausted = () -> {
            if (memoryBack.get() || !Files.exists(run.resolve(CheckpointLayout.LATEST))) {
                return false;
            }
            if (atExhaustion.isEmpty()) {
                atExhaustion.putAll(files(run.resolve(CheckpointReader.loadLatest(run, s -> { }).name())));
            }
            return true;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassLoader loader = getClass().getClassLoader();
        TrainingJob job = new TrainingJob(id -> new ExhaustibleBackend(
                new BackendSelector(BackendRegistry.discover(loader)).choose(id).provider()
                        .create(BackendConfig.defaults().withPluginLoader(loader)), exhausted),
                LayerPluginRegistry.discover(loader), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // 160 cases per batch in minibatches of 15: the last minibatch of each batch (10 cases)
        // reallocates the activations, so every batch allocates device memory mid-run.
        TrainOptions options = TrainOptions.builder().layerDef(def.toString()).trainRange("1-5").testRange("6")
                .mini(15).seed(11L).backend("cpu").testFreq(1).savePath(tmp.resolve("save")).saveName("run")
                .epochs(2).build();
        JConvNetException e = assertThrows(JConvNetException.class, () -> job.train(options),
                () -> out.toString(StandardCharsets.UTF_8));
        String m = e.getMessage();
        assertTrue(m.matches("(?s)cannot allocate the (output|output gradient|scratch '[^']+') of layer '[^']+' "
                + "\\(\\d+ x \\d+ cases, float\\d+\\) on backend 'cpu': out of device memory: .*"), m);

        memoryBack.set(true);
        Checkpoint last = CheckpointReader.loadLatest(run, s -> { });
        assertEquals("1.1", last.epoch() + "." + last.batchNum(), "the checkpoint written before the failure is the latest");
        Map<String, byte[]> now = files(run.resolve(last.name()));
        assertEquals(atExhaustion.keySet(), now.keySet(), "the checkpoint is left exactly as it was");
        atExhaustion.forEach((f, b) -> assertArrayEquals(b, now.get(f), f));

        // The JVM and the backend choice are unharmed: with memory back, the run resumes from that checkpoint.
        TrainingJob.Result resumed = job.train(TrainOptions.builder().loadFrom(run).backend("cpu").epochs(1).build());
        assertTrue(resumed.batchesTrained() > 0, resumed.toString());
    }

    private static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    /** A backend whose allocations fail, as an exhausted device's do, while {@code exhausted} is set. */
    private static final class ExhaustibleBackend implements Backend {
        private final Backend inner;
        private final BooleanSupplier exhausted;

        ExhaustibleBackend(Backend inner, BooleanSupplier exhausted) {
            this.inner = inner;
            this.exhausted = exhausted;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public String deviceName() {
            return inner.deviceName();
        }

        @Override
        public Set<DType> supportedDTypes() {
            return inner.supportedDTypes();
        }

        @Override
        public Tensor allocate(int rows, int cols, DType dtype) {
            if (exhausted.getAsBoolean()) {
                throw new JConvNetException("out of device memory: " + rows + " x " + cols + " " + dtype.label()
                        + " on " + inner.deviceName());
            }
            return inner.allocate(rows, cols, dtype);
        }

        @Override
        public KernelRegistry kernels() {
            return inner.kernels();
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return inner.capability(type);
        }

        @Override
        public void synchronize() {
            inner.synchronize();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
