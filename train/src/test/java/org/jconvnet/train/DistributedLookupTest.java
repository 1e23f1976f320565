package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.distributed.DistributedOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the spark module on the class path, a Spark run is refused up front, clearly. */
class DistributedLookupTest {
    @TempDir
    Path tmp;

    @Test
    void aSparkRunWithoutTheModuleSaysSoBeforeAnythingIsCreated() throws IOException {
        Path data = TinyData.write(tmp.resolve("data"), 8);
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        TrainOptions o = TrainOptions.builder().dataPath(data).layerDef(TinyData.tinyNet()).trainRange("1-2")
                .testRange("6").backend("cpu").savePath(tmp.resolve("save")).saveName("run").build();
        JConvNetException e = assertThrows(JConvNetException.class, () -> job.train(o, DistributedOptions.spark("local[2]", 2, 1)));
        assertTrue(e.getMessage().startsWith("Spark support is not in this installation: no jconvnet-spark module"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("save/run")), "no run directory");
    }

    @Test
    void countsBelowOneAreRefused() {
        assertEquals("--workers 0: at least 1 worker is needed",
                assertThrows(InvalidOptionException.class, () -> DistributedOptions.spark("local", 0, 1)).getMessage());
        assertEquals("--sync-every 0: at least 1 (1: every minibatch)",
                assertThrows(InvalidOptionException.class, () -> DistributedOptions.spark("local", 1, 0)).getMessage());
    }
}
