package org.jconvnet.api.config;

import org.jconvnet.api.JConvNetException;

/**
 * A configuration error, located: {@code layers.cfg: [conv1] filterSize: expected an integer, got 'x'}.
 * The file, section and key parts are kept separately for tools and tests.
 */
public class ConfigException extends JConvNetException {
    private static final long serialVersionUID = 1L;
    /** The file path as the user gave it, or null when the error is not from a file. */
    private final String file;
    /** The section name, or null for a file-level error. */
    private final String section;
    /** The key, or null for a section-level error. */
    private final String key;
    /** What is wrong, without the location. */
    private final String problem;

    /**
     * Creates a located error.
     *
     * @param file    the file path as the user gave it (may be null when not from a file)
     * @param section the section name, or null for file-level errors
     * @param key     the key, or null for section-level errors
     * @param problem what is wrong, phrased for the user
     */
    public ConfigException(String file, String section, String key, String problem) {
        super(format(file, section, key, problem));
        this.file = file;
        this.section = section;
        this.key = key;
        this.problem = problem;
    }

    /** {@return what is wrong, without the location} */
    public String problem() {
        return problem;
    }

    /**
     * The same problem, located elsewhere (e.g. at the section a generated section came from).
     *
     * @param newSection the section to name instead
     * @param newKey the key to name instead, or {@code null}
     * @return a new exception with the same file and problem
     */
    public ConfigException relocate(String newSection, String newKey) {
        return new ConfigException(file, newSection, newKey, problem);
    }

    private static String format(String file, String section, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<config>" : file).append(':');
        if (section != null) {
            sb.append(" [").append(section).append(']');
        }
        if (key != null) {
            sb.append(' ').append(key).append(':');
        } else if (section != null) {
            sb.append(':');
        }
        return sb.append(' ').append(problem).toString();
    }

    /** {@return the file, or null} */
    public String file() {
        return file;
    }

    /** {@return the section, or null} */
    public String section() {
        return section;
    }

    /** {@return the key, or null} */
    public String key() {
        return key;
    }
}
