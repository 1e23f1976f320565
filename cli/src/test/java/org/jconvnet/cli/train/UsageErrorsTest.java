package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage errors of issue 17, each as the user met it: every one exits 2 with one line that
 * says what is wrong, before anything starts or is written.
 */
class UsageErrorsTest {
    @TempDir
    static Path tmp;
    static Path data;
    static String net;
    static Path checkpoint;

    @BeforeAll
    static void trainATinyModel() throws IOException, URISyntaxException {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        SyntheticCifar s = new SyntheticCifar(2, 20, 20);
        for (int k = 1; k <= 2; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(6)));
        net = Path.of(UsageErrorsTest.class.getResource("layers-tiny.cfg").toURI()).toString();
        TrainCommandsTest.Run r = TrainCommandsTest.run(train("--save-path", tmp.resolve("save").toString(),
                "--save-name", "ck"));
        assertEquals(0, r.code(), r.toString());
        checkpoint = tmp.resolve("save/ck");
    }

    /** A valid train command line with {@code more} added; an option of {@code more} replaces the same one's default here. */
    private static String[] train(String... more) {
        java.util.LinkedHashMap<String, String> base = new java.util.LinkedHashMap<>();
        base.put("--backend", "cpu");
        base.put("--data-path", data.toString());
        base.put("--layer-def", net);
        base.put("--train-range", "1-2");
        base.put("--test-range", "6");
        base.put("--epochs", "1");
        base.put("--mini", "8");
        base.put("--seed", "5");
        Arrays.stream(more).forEach(base::remove);
        List<String> args = new java.util.ArrayList<>(List.of("train"));
        base.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static String usageError(String... args) {
        TrainCommandsTest.Run r = TrainCommandsTest.run(args);
        assertEquals(2, r.code(), r.toString());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.toString());
        assertTrue(lines.get(0).startsWith("jconvnet: "), r.toString());
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.toString());
        return lines.get(0);
    }

    @Test
    void badCountsAreRefusedBeforeTheRunDirectoryExists() {
        Path save = tmp.resolve("never");
        for (String[] bad : new String[][] {{"--mini", "0"}, {"--mini", "-5"}, {"--epochs", "0"}, {"--epochs", "-1"},
                {"--crop-border", "20"}, {"--test-freq", "0"}}) {
            String line = usageError(train("--save-path", save.toString(), bad[0], bad[1]));
            assertTrue(line.contains(bad[0]) && !line.contains("only once"), line);
            assertFalse(Files.exists(save), "nothing written for " + Arrays.toString(bad));
        }
    }

    @Test
    void aBadLearningRateScheduleNamesTheOptionAndTheValue() {
        Path save = tmp.resolve("never-scheduled");
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("130:0.1,120:0.01", "the epochs must increase: 120 comes after 130");
        bad.put("120:0.1,120:0.01", "the epochs must increase: 120 comes after 120");
        bad.put("1:0", "the factor in '1:0' must be a finite number above 0");
        bad.put("1:-0.1", "the factor in '1:-0.1' must be a finite number above 0");
        bad.put("1:NaN", "'NaN' in '1:NaN' is not a number");
        bad.put("1:1e999", "the factor in '1:1e999' must be a finite number above 0");
        bad.put("x:0.1", "'x' in 'x:0.1' is not a whole number of epochs");
        bad.put("1.5:0.1", "'1.5' in '1.5:0.1' is not a whole number of epochs");
        bad.put("1:tenth", "'tenth' in '1:tenth' is not a number");
        bad.put("-1:0.1", "the epochs in '-1:0.1' must be 0 or more");
        bad.put("120", "'120' is not EPOCHS:FACTOR");
        bad.put("1:0.1,", "'' is not EPOCHS:FACTOR");
        bad.put("", "empty schedule");
        bad.forEach((value, why) -> {
            String line = usageError(train("--save-path", save.toString(), "--lr-schedule", value));
            assertTrue(line.contains("--lr-schedule") && line.contains(value) && line.contains(why), value + ": " + line);
        });
        // Well formed, but beyond the epochs the run trains (checked against --epochs, before anything starts).
        String line = usageError(train("--save-path", save.toString(), "--epochs", "3", "--lr-schedule", "2:0.1,4:0.01"));
        assertTrue(line.contains("--lr-schedule 2:0.1,4:0.01: the step after 4 epochs is beyond --epochs 3"), line);
        assertFalse(Files.exists(save), "nothing written");
    }

    @Test
    void aSavedScheduleIsCheckedAgainstTheEpochsOfTheResumeAndAGivenOneReplacesIt() {
        TrainCommandsTest.Run r = TrainCommandsTest.run(train("--save-path", tmp.resolve("sched").toString(),
                "--save-name", "s", "--epochs", "2", "--lr-schedule", "1:0.5,2:0.25"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("learning-rate schedule 1:0.5,2:0.25: rates x0.5 from epoch 2, x0.25 from epoch 3"),
                r.err());
        assertTrue(r.out().contains("2.1... logprob:") && r.out().contains(", lr x0.5)"), r.out());
        String ck = tmp.resolve("sched/s").toString();
        String line = usageError("train", "--backend", "cpu", "-f", ck, "--epochs", "1");
        assertTrue(line.contains("--lr-schedule 1:0.5,2:0.25 (saved in the checkpoint): the step after 2 epochs is "
                + "beyond --epochs 1") && line.contains("give --lr-schedule again to replace"), line);
    }

    @Test
    void batchRangesAreCheckedAgainstTheirFormAndTheData() {
        assertTrue(usageError(train("--train-range", "abc")).contains("'abc' is not a batch number"));
        assertTrue(usageError(train("--train-range", "5-1")).contains("ends before it starts"));
        String line = usageError(train("--train-range", "7-9"));
        assertTrue(line.contains("--train-range 7-9: the data has no batch 7, 8, 9; it holds batches 1, 2, 6"), line);
        assertTrue(usageError("test", "--backend", "cpu", "-f", checkpoint.toString(), "--test-range", "3")
                .contains("--test-range 3: the data has no batch 3"));
    }

    @Test
    void unknownNamesAreUsageErrors() {
        assertTrue(usageError(train("--dtype", "float16")).contains("unknown dtype 'float16'"));
        assertTrue(usageError(train("--data-provider", "imagenet")).contains("unknown data provider 'imagenet'"));
        assertTrue(usageError(train("--data-path", tmp.resolve("missing").toString())).contains("no such directory"));
        assertTrue(usageError("features", "-f", checkpoint.toString(), "--layer", "nosuch", "-o", tmp.resolve("f").toString())
                .contains("--layer nosuch: the net has no such layer"));
        assertFalse(Files.exists(tmp.resolve("f")));
        assertTrue(usageError("data", "download", "--url", "notaurl").contains("'notaurl' is not an http"));
    }

    @Test
    void aCheckpointIsRequiredAndMustBeADirectory() throws IOException {
        assertTrue(usageError("test").contains("Missing required option: '-f=DIR'"));
        Path file = Files.writeString(tmp.resolve("not-a-checkpoint"), "x");
        assertTrue(usageError("test", "-f", file.toString()).contains("is a file, not a directory"));
        assertTrue(usageError("train", "--test-only", "1").contains("needs a trained model"));
    }

    @Test
    void multiviewOnUncroppedDataIsAUsageError() {
        assertTrue(usageError("test", "--backend", "cpu", "-f", checkpoint.toString(), "--multiview-test", "1")
                .contains("--multiview-test needs --data-provider=cifar-cropped"));
    }

    @Test
    void optionsThatConflictWithTheCheckpointSaySo() {
        String line = usageError("train", "--backend", "cpu", "-f", checkpoint.toString(), "--layer-def", "layers-18pct");
        assertTrue(line.contains("--layer-def layers-18pct conflicts with checkpoint") && line.contains("trained with the net"),
                line);
        line = usageError("train", "--backend", "cpu", "-f", checkpoint.toString(), "--data-provider", "cifar-cropped");
        assertTrue(line.contains("--data-provider cifar-cropped conflicts with checkpoint")
                && line.contains("trained with --data-provider cifar"), line);
    }

    @Test
    void showChecksEveryLayerBeforeWritingAnything() {
        Path out = tmp.resolve("show");
        String line = usageError("show", "--backend", "cpu", "-f", checkpoint.toString(), "-o", out.toString(),
                "--show-filters", "fc10");
        assertTrue(line.contains("--show-filters fc10: it is a fc layer, not conv; the net's: conv1"), line);
        assertFalse(Files.exists(out), "nothing written");
        line = usageError("show", "--backend", "cpu", "-f", checkpoint.toString(), "-o", out.toString(), "--show-cost", "probs");
        assertTrue(line.contains("--show-cost probs: it is a softmax layer, not cost.*; the net's: logprob"), line);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void switchesTakeTheirValueEitherWay() {
        // Both spellings parse; the run then stops at the (deliberately) bad --mini, not at the switch.
        for (String[] sw : new String[][] {{"--test-one", "0"}, {"--test-one=0"}, {"--test-only", "0"}, {"--multiview-test=0"}}) {
            List<String> args = new java.util.ArrayList<>(Arrays.asList(sw));
            args.addAll(List.of("--mini", "0"));
            String line = usageError(train(args.toArray(String[]::new)));
            assertTrue(line.contains("'--mini': must be at least 1"), line);
        }
    }

    @Test
    void predictRefusesWhatIsNoImageOfTheNetsSize() throws IOException {
        Path text = Files.writeString(tmp.resolve("not-an-image.png"), "text");
        String line = usageError("predict", "--backend", "cpu", "-f", checkpoint.toString(), text.toString());
        assertEquals("jconvnet: " + text + ": not an image this Java can read (PNG, JPEG, BMP or GIF)", line);
        Path wide = tmp.resolve("wide.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 32, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", wide.toFile());
        line = usageError("predict", "--backend", "cpu", "-f", checkpoint.toString(), wide.toString());
        assertTrue(line.contains(wide + " is 40x32 pixels; the net takes 32x32 CIFAR-10 images"), line);
        line = usageError("predict", "-f", checkpoint.toString(), "--top", "0", wide.toString());
        assertTrue(line.contains("'--top': must be at least 1"), line);
        line = usageError("predict", "-f", checkpoint.toString(), tmp.resolve("missing.png").toString());
        assertTrue(line.contains("missing.png': no such file"), line);
    }

    @Test
    void aTypoGetsASuggestion() {
        String typo = usageError("trian");
        assertTrue(typo.contains("did you mean train?"), typo);
        typo = usageError("train", "--epoch", "1");
        assertTrue(typo.contains("did you mean --epochs"), typo);
    }

    @Test
    void overlappingTrainAndTestRangesAreWarnedAbout() {
        TrainCommandsTest.Run r = TrainCommandsTest.run(train("--test-range", "2", "--save-path",
                tmp.resolve("overlap").toString()));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("warning: --train-range 1-2 and --test-range 2 share batch 2"), r.err());
    }

    @Test
    void testCostsReadAsCudaConvnetPrintsThem() {
        assertEquals("logprob 2.2649, error 83.0%", ResultLine.costs(Map.of("logprob", List.of(2.2648683989048006, 0.83))));
        assertEquals("none", ResultLine.costs(Map.of()));
    }
}
