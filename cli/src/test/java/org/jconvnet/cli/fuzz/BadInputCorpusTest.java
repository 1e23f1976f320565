package org.jconvnet.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 13): every input must end in one clear error naming the file and
 * the place, within {@link #LIMIT}, never in success, an {@link OutOfMemoryError}, a hang or an
 * unexpected exception type. The corpus is generated from a fixed seed, so a failure reproduces;
 * at the end the counts are printed and every input must have been clear.
 */
class BadInputCorpusTest {
    /** The seed of every random choice in the corpus. */
    static final long SEED = 13;
    /** Each input's time limit: generous for a loaded machine; a hang or a 2 GiB read exceeds it. */
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger CLEAR = new AtomicInteger();
    private static final List<String> FAILED = new ArrayList<>();

    @TempDir
    static Path root;

    static Stream<BadInput> corpus() {
        return Stream.of(CfgCorpus.generate(SEED, 400, 120), CifarCorpus.generate(SEED), CheckpointCorpus.generate()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsInOneClearError(BadInput input) throws IOException {
        Path dir = Files.createDirectories(root.resolve(String.format("%05d", TRIED.incrementAndGet())));
        Optional<String> problem;
        try {
            problem = assertTimeoutPreemptively(LIMIT, () -> input.attempt().tryIn(dir),
                    () -> input.id() + ": no answer within " + LIMIT.toSeconds() + " s");
        } catch (Throwable t) {
            problem = Optional.of(t.toString());
        }
        if (problem.isEmpty()) {
            CLEAR.incrementAndGet();
        } else {
            synchronized (FAILED) {
                FAILED.add(input.id() + ": " + problem.get());
            }
        }
        String failure = problem.map(p -> input.id() + ": " + p).orElse("");
        assertTrue(failure.isEmpty(), failure);
    }

    @AfterAll
    static void countsAndNoFailure() {
        System.out.println("bad-input corpus: tried " + TRIED.get() + ", clear " + CLEAR.get() + ", failed " + FAILED.size());
        FAILED.forEach(f -> System.out.println("  FAILED " + f));
        assertEquals(0, FAILED.size(), "failed inputs:\n" + String.join("\n", FAILED));
        assertEquals(TRIED.get(), CLEAR.get());
    }
}
