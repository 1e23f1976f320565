package org.jconvnet.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The replicas of this executor JVM, by (job, worker): the object Spark's tasks find again in the
 * next round, so the net lives across steps. A replica is built when the executor is new to the
 * worker (first round, or Spark ran the worker's partition elsewhere before), rebuilt when the
 * task is a retry (whatever state the failed attempt left is dropped), and the replicas of other
 * jobs are closed when a new job arrives (one training per application at a time).
 */
final class Replicas {
    private static final Map<String, Replica> BY_KEY = new HashMap<>();
    private static String currentJob;

    private Replicas() {
    }

    /**
     * The replica of {@code worker} in {@code jobId}, built by {@code build} when there is none or
     * {@code fresh} asks for a new one (a retried task).
     */
    static synchronized Replica get(String jobId, int worker, boolean fresh, Supplier<Replica> build) {
        if (!jobId.equals(currentJob)) {
            closeAll();
            currentJob = jobId;
        }
        String key = jobId + "/" + worker;
        Replica r = BY_KEY.get(key);
        if (r != null && fresh) {
            BY_KEY.remove(key);
            r.close();
            r = null;
        }
        if (r == null) {
            r = build.get();
            BY_KEY.put(key, r);
        }
        return r;
    }

    /** Closes the replicas of {@code jobId} (the driver's last round is done; local mode shares the JVM). */
    static synchronized void release(String jobId) {
        if (jobId.equals(currentJob)) {
            closeAll();
            currentJob = null;
        }
    }

    /** How many replicas this JVM holds (tests). */
    static synchronized int count() {
        return BY_KEY.size();
    }

    private static void closeAll() {
        for (Iterator<Replica> it = BY_KEY.values().iterator(); it.hasNext(); ) {
            it.next().close();
            it.remove();
        }
    }
}
