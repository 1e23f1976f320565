package org.jconvnet.train.run;

/**
 * A request from outside to stop training early (SIGINT, SIGTERM). The training loop polls
 * {@link #requested()} between minibatches and only while it {@link #watch() watches}.
 */
public interface StopSignal {
    /** Whether a stop has been requested. */
    boolean requested();

    /**
     * Starts watching: until the returned scope is closed, a request waits for the loop to stop
     * at its next safe point instead of ending the process at once.
     */
    Scope watch();

    /** The time during which a stop request is honoured by the loop. */
    interface Scope extends AutoCloseable {
        /** Stops watching; never throws. */
        @Override
        void close();
    }

    /** Never requests a stop (in-process runs: tests, tools). */
    StopSignal NEVER = new StopSignal() {
        @Override
        public boolean requested() {
            return false;
        }

        @Override
        public Scope watch() {
            return () -> { };
        }
    };
}
