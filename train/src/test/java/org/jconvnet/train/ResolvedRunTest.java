package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults of {@link TrainDefaults} as a run applies them, on real data and on the embedded set. */
class ResolvedRunTest {
    @TempDir
    Path tmp;

    private static ResolvedRun resolve(TrainOptions o) {
        return ResolvedRun.resolve(o, false, LayerPluginRegistry.discover(ResolvedRunTest.class.getClassLoader()), w -> { });
    }

    @Test
    void cudaConvnetDefaultsOnRealData() throws IOException {
        Path data = TinyData.write(tmp.resolve("data"), 4);
        ResolvedRun r = resolve(TrainOptions.builder().dataPath(data).layerDef(TinyData.tinyNet()).trainRange("1-3")
                .savePath(tmp).build());
        assertEquals(128, r.mini());
        assertEquals(50000, r.epochs());
        assertEquals(50, r.testFreq());
        assertTrue(r.testOne());
        assertEquals(false, r.multiviewTest());
        assertEquals(DType.FLOAT32, r.dtype());
        assertEquals("6", r.testRange().toString());
        assertTrue(r.saveDir().getFileName().toString().startsWith("ConvNet__20"), r.saveDir().toString());
        assertEquals(null, r.options().mini(), "the options keep what was given");
        assertEquals(128, r.savedOptions().get("mini").asInt(), "a checkpoint keeps what the run used");
    }

    @Test
    void theEmbeddedSetHasItsOwnColumn() {
        ResolvedRun r = resolve(TrainOptions.builder().saveName("x").build());
        assertTrue(r.embedded());
        assertEquals(16, r.mini());
        assertEquals(1, r.epochs());
        assertEquals(5, r.testFreq(), "one epoch of the five embedded training batches");
        assertEquals(Path.of("checkpoints", "x"), r.saveDir());
        assertEquals(EmbeddedDemo.PARAMS, r.layerParams().name());
        assertTrue(r.layerDef().text().contains("initW=" + EmbeddedDemo.CONV1_INITW), "the demo's conv1 init");
    }
}
