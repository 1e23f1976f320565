package org.jconvnet.cli.fuzz;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One malformed input of the corpus.
 *
 * @param id      a stable, readable name, e.g. {@code cfg/layers-18pct/conv1.filters=-1}
 * @param attempt writes the input under a fresh directory, feeds it to jconvnet, and says what
 *                was wrong with the outcome (empty: one clear error)
 */
record BadInput(String id, Attempt attempt) {

    /** Tries one input. */
    @FunctionalInterface
    interface Attempt {
        /**
         * @param dir an empty directory of this input's own
         * @return what is wrong with how jconvnet handled it, or empty when it ended in one clear error
         */
        Optional<String> tryIn(Path dir) throws Exception;
    }

    @Override
    public String toString() {
        return id;
    }
}
