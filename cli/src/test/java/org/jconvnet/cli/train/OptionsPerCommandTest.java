package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code test}, {@code features} and {@code show} listed options that did nothing for
 * them ({@code --train-range}, {@code --seed}, ...). Each command's help now lists the options it
 * uses, and no other model option.
 */
class OptionsPerCommandTest {
    private static final List<String> MODEL_OPTIONS = List.of("--data-path", "--test-range", "--mini", "--dtype",
            "--layer-params", "--logreg-name", "--layer-def", "--data-provider", "--crop-border", "--train-range",
            "--seed", "--init-from", "--lr-schedule");

    @Test
    void eachCommandListsOnlyTheModelOptionsItUses() {
        Map<String, List<String>> uses = Map.of(
                "train", MODEL_OPTIONS,
                "test", List.of("--data-path", "--test-range", "--mini", "--dtype", "--layer-params", "--logreg-name"),
                "features", List.of("--data-path", "--test-range", "--mini", "--dtype", "--layer-params"),
                "predict", List.of("--mini"),
                "show", List.of("--data-path", "--test-range", "--dtype", "--layer-params"));
        uses.forEach((command, used) -> {
            TrainCommandsTest.Run r = TrainCommandsTest.run(command, "--help");
            assertEquals(0, r.code(), r.toString());
            for (String option : MODEL_OPTIONS) {
                boolean listed = r.out().contains(option + "=") || r.out().contains(option + " ");
                assertEquals(used.contains(option), listed, command + " lists " + option + ": " + r.out());
            }
        });
    }

    @Test
    void anOptionACommandDoesNotUseIsAUsageError(@TempDir Path dir) {
        TrainCommandsTest.Run r = TrainCommandsTest.run("test", "-f", dir.toString(), "--seed", "5");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("Unknown option") && r.err().contains("--seed"), r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
    }
}
