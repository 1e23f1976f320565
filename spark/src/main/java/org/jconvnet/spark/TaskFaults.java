package org.jconvnet.spark;

/**
 * Test seam: lets a test make a task die in the middle of a step (after its forward, before its
 * backward), as an executor lost mid-step would, to check that Spark's retry leaves training
 * exactly as a run without the fault. Production runs never install a hook; the default does
 * nothing. A hook lives in the JVM that runs the tasks, so it works in local mode only.
 */
public final class TaskFaults {
    /** Called by each task in the middle of each step. */
    @FunctionalInterface
    public interface Hook {
        /**
         * @param version the driver's weights version the step started from (the round's number)
         * @param worker  the worker index of the task
         */
        void midStep(long version, int worker);
    }

    /** Called by the task with its attempt number; decides whether this attempt dies. */
    @FunctionalInterface
    public interface Rule {
        /** Whether attempt {@code attempt} (0 first) of {@code worker} in round {@code version} fails. */
        boolean fails(long version, int worker, int attempt);
    }

    private static volatile Rule rule;

    private TaskFaults() {
    }

    /** Installs {@code r} (null removes it). */
    public static void install(Rule r) {
        rule = r;
    }

    /** The hook of a task running as attempt {@code attempt}. */
    static Hook forAttempt(int attempt) {
        Rule r = rule;
        if (r == null) {
            return (v, w) -> { };
        }
        return (v, w) -> {
            if (r.fails(v, w, attempt)) {
                throw new IllegalStateException("injected task failure in round " + v + " of worker " + w
                        + " (attempt " + attempt + ")");
            }
        };
    }
}
