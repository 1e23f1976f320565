package org.jconvnet.cli.fuzz;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * What an error message must name for an input: the file, and the place in it (a section and
 * key, a line, a record number, a parameter).
 *
 * @param description what is required, for failure reports
 * @param test        whether a message names it
 */
record Place(String description, Predicate<String> test) {

    /** Every one of {@code words}. */
    static Place all(String... words) {
        return new Place("all of " + Arrays.toString(words), m -> Arrays.stream(words).allMatch(m::contains));
    }

    /** At least one of {@code words}. */
    static Place anyOf(String... words) {
        return new Place("one of " + Arrays.toString(words), m -> Arrays.stream(words).anyMatch(m::contains));
    }

    /** A section of a {@code .cfg} file, written {@code [name]} or {@code 'name'}. */
    static Place section(String name) {
        return anyOf("[" + name + "]", "'" + name + "'");
    }

    /** Both this and {@code other}. */
    Place and(Place other) {
        return new Place(description + " and " + other.description, test.and(other.test));
    }

    boolean namedIn(String message) {
        return test.test(message);
    }
}
