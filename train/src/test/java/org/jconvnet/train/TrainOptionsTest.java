package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jconvnet.train.metrics.TrainJson;
import org.junit.jupiter.api.Test;

class TrainOptionsTest {
    private static TrainOptions everything() {
        return TrainOptions.builder().dataPath(Path.of("data/cifar")).layerDef("net.cfg").layerParams("p.cfg")
                .dataProvider("cifar-cropped").trainRange("1-4").testRange("5").testFreq(13).epochs(7).mini(64)
                .testOne(false).savePath(Path.of("runs")).saveName("n").loadFrom(Path.of("runs/n")).multiviewTest(true)
                .testOnly(true).initFrom(Path.of("w")).seed(3L).backend("opencl").dtype("float64").cropBorder(2)
                .logregName("logprob").build();
    }

    @Test
    void savedOptionsUseCudaConvnetNamesInOrderAndPathsAsGiven() {
        ObjectNode saved = everything().toSaved();
        List<String> names = new ArrayList<>();
        saved.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("data-path", "layer-def", "layer-params", "data-provider", "train-range", "test-range",
                "test-freq", "epochs", "mini", "test-one", "save-path", "save-name", "multiview-test", "init-from", "seed",
                "backend", "dtype", "crop-border", "logreg-name"), names);
        assertEquals("data/cifar", saved.get("data-path").asText());
        assertEquals("{\"mini\":64}", TrainJson.compact(TrainOptions.builder().mini(64).build().toSaved()),
                "options not given are left out");
    }

    @Test
    void resumeRuleExplicitBeatsSavedBeatsDefaultAndSessionOptionsAreNotRestored() {
        ObjectNode saved = everything().toSaved();
        TrainOptions given = TrainOptions.builder().loadFrom(Path.of("here")).epochs(9).build();
        TrainOptions resumed = given.over(saved);
        assertEquals(9, resumed.epochs(), "explicit beats saved");
        assertEquals(Path.of("here"), resumed.loadFrom());
        assertEquals(13, resumed.testFreq());
        assertEquals(Path.of("data/cifar"), resumed.dataPath());
        assertEquals("1-4", resumed.trainRange());
        assertEquals(false, resumed.testOne());
        assertEquals(true, resumed.multiviewTest());
        assertEquals(3L, resumed.seed());
        assertEquals("logprob", resumed.logregName());
        assertEquals(null, resumed.backend());
        assertEquals(null, resumed.savePath());
        assertEquals(null, resumed.saveName());
        assertEquals(null, resumed.initFrom());
        assertEquals(null, resumed.testOnly());
        assertEquals(null, TrainOptions.none().over(TrainJson.object()).mini(), "nothing saved: the default applies later");
        assertEquals(everything(), everything().over(saved), "every option given: nothing changes");
    }
}
