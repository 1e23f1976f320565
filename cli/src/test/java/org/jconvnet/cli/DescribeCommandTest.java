package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jconvnet describe}: the seed net's start-up lines, parameter counts, and located errors. */
class DescribeCommandTest {
    /**
     * cuda-convnet's start-up lines for the seed net on 32x32 CIFAR-10, in its relative order
     * (the net prints a few more, e.g. for the labels layer and conv2).
     */
    private static final List<String> SEED_LINES = List.of(
            "Initialized data layer 'data', producing 3072 outputs",
            "Initialized convolutional layer 'conv1', producing 32x32 64-channel output",
            "Initialized max-pooling layer 'pool1', producing 16x16 64-channel output",
            "Initialized cross-map response-normalization layer 'rnorm1', producing 16x16 64-channel output",
            "Initialized locally-connected layer 'local3', producing 8x8 64-channel output",
            "Initialized locally-connected layer 'local4', producing 8x8 32-channel output",
            "Initialized fully-connected layer 'fc10', producing 10 outputs",
            "Initialized softmax layer 'probs', producing 10 outputs",
            "Initialized logistic regression cost 'logprob'",
            "Initialized neuron layer 'conv1_neuron', producing 65536 outputs",
            "Initialized neuron layer 'conv2_neuron', producing 16384 outputs",
            "Initialized neuron layer 'local3_neuron', producing 4096 outputs",
            "Initialized neuron layer 'local4_neuron', producing 2048 outputs");

    @TempDir
    Path tmp;

    @Test
    void theSeedNetPrintsCudaConvnetsStartUpLinesInOrder() {
        CliRun r = CliRun.run("describe", "--layer-def", "layers-conv-local-11pct");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        List<String> init = r.outLines().stream().filter(l -> l.startsWith("Initialized ")).toList();
        int at = -1;
        for (String expected : SEED_LINES) {
            int found = init.indexOf(expected);
            assertTrue(found >= 0, "missing: " + expected + "\n" + r);
            assertTrue(found > at, "out of order: " + expected + "\n" + r);
            at = found;
        }
        assertTrue(r.err.isEmpty(), r::toString);
    }

    @Test
    void theSeedNetsParameterCountsFollowFromItsShapes() {
        CliRun r = CliRun.run("describe", "--layer-def", "layers-conv-local-11pct");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        // conv1: 3 channels x 5x5 filters x 64 + 64 biases.
        assertRow(r, "conv1", 3 * 5 * 5 * 64 + 64);
        // fc10: 8*8*32 inputs x 10 + 10 biases.
        assertRow(r, "fc10", 8 * 8 * 32 * 10 + 10);
        assertRow(r, "pool1", 0);
        String total = r.outLines().stream().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
        long sum = r.outLines().stream().filter(l -> l.matches("\\S+\\s+\\S+\\s+\\d+\\s+.*") && !l.startsWith("total"))
                .mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[2])).sum();
        assertEquals(sum, Long.parseLong(total.trim().split("\\s+")[1]), r::toString);
    }

    private static void assertRow(CliRun r, String layer, long count) {
        String row = r.outLines().stream().filter(l -> l.startsWith(layer + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + layer + "\n" + r));
        assertEquals(count, Long.parseLong(row.trim().split("\\s+")[2]), row);
    }

    @Test
    void croppedDataShrinksTheInput() {
        CliRun r = CliRun.run("describe", "--layer-def", "layers-conv-local-11pct", "--data-provider", "cifar-cropped");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(r.out.contains("Initialized data layer 'data', producing 1728 outputs"), r::toString);
        assertTrue(r.out.contains("Initialized convolutional layer 'conv1', producing 24x24 64-channel output"), r::toString);
    }

    @Test
    void aMalformedLayerDefinitionGivesOneLineNamingFileSectionAndKey() throws IOException {
        Path def = tmp.resolve("layers-broken.cfg");
        Path params = tmp.resolve("layer-params-broken.cfg");
        Files.writeString(def, String.join("\n",
                "[data]", "type=data", "dataIdx=0", "",
                "[labels]", "type=data", "dataIdx=1", "",
                "[conv1]", "type=conv", "inputs=data", "channels=3", "filters=16", "padding=2", "stride=1",
                "filterSize=five", "initW=0.01", "partialSum=4", "sharedBiases=1", ""));
        Files.writeString(params, String.join("\n",
                "[conv1]", "epsW=0.001", "epsB=0.002", "momW=0.9", "momB=0.9", "wc=0", ""));

        CliRun r = CliRun.run("describe", "--layer-def", def.toString());

        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("jconvnet: ") && line.contains(def.toString()) && line.contains("[conv1]")
                && line.contains("filterSize"), line);
        assertFalse(r.err.contains("\tat "), "no stack trace without -v");
    }

    @Test
    void anUnknownNetNamesTheShippedOnes() {
        CliRun r = CliRun.run("describe", "--layer-def", "no-such-net");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.errLines().get(0).contains("no-such-net") && r.errLines().get(0).contains("layers-conv-local-11pct"),
                r::toString);
    }

    @Test
    void anUnknownDataProviderIsAUsageError() {
        CliRun r = CliRun.run("describe", "--layer-def", "layers-conv-local-11pct", "--data-provider", "imagenet");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.errLines().get(0).contains("cifar-cropped"), r::toString);
    }

    @Test
    void describingStartsNoBackend() {
        CliRun r = CliRun.run("describe", "--layer-def", "layers-conv-local-11pct");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertFalse(r.cli.injector().getInstance(BackendSession.class).everStarted());
    }

    @Test
    void netsListsEveryShippedNetWithItsInputAndSize() {
        CliRun r = CliRun.run("nets");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        for (String name : org.jconvnet.layers.net.NetCatalog.names()) {
            assertTrue(r.out.lines().anyMatch(l -> l.startsWith(name + " ") && l.matches(".*\\s(cifar|cifar-cropped)\\s+\\d+\\s+\\d+")),
                    name + " in: " + r.out);
        }
        assertTrue(r.out.contains(org.jconvnet.layers.net.NetCatalog.SEED + " (seed)"), r::toString);
    }
}
