package org.jconvnet.backend.blas.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend's threads: the calling thread plus {@code count - 1} daemon threads, one per core by
 * default. Every kernel runs its tasks here, OpenBLAS included (it is single-threaded and called
 * from inside tasks), so the cores are never oversubscribed. Each task learns the index of the
 * worker running it, to use that worker's scratch buffers.
 * <p>Results never depend on the number of workers: tasks write disjoint outputs, and where a
 * kernel reduces over tasks it sums per-task partials in task order.
 */
public final class Workers implements AutoCloseable {
    private final int count;
    private final ExecutorService pool;

    /** A task body: task number {@code task} run by worker {@code worker} ({@code 0 <= worker < count()}). */
    @FunctionalInterface
    public interface Task {
        /** Runs one task. */
        void run(int task, int worker);
    }

    /** A range body: indices {@code [from, to)} run by {@code worker}. */
    @FunctionalInterface
    public interface Range {
        /** Runs one range. */
        void run(int from, int to, int worker);
    }

    /** Starts {@code count} workers (at least one). */
    public Workers(int count) {
        this.count = Math.max(1, count);
        this.pool = this.count == 1 ? null : Executors.newFixedThreadPool(this.count - 1, r -> {
            Thread t = new Thread(r, "jconvnet-cpu-blas-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The number of workers. */
    public int count() {
        return count;
    }

    /** Runs tasks {@code 0 .. tasks-1}, each once, on up to {@link #count()} workers; returns when all are done. */
    public void run(int tasks, Task body) {
        int helpers = Math.min(count, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                body.run(t, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(helpers);
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            running.add(pool.submit(() -> drain(next, tasks, body, worker)));
        }
        Throwable failure = null;
        try {
            drain(next, tasks, body, 0);
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(tasks); // the others stop after their current task
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : e;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void drain(AtomicInteger next, int tasks, Task body, int worker) {
        for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
            body.run(t, worker);
        }
    }

    /**
     * Runs {@code [0, n)} in contiguous ranges of at least {@code grain} indices, a few per worker
     * so that uneven ranges balance out.
     */
    public void forRange(int n, int grain, Range body) {
        if (n <= 0) {
            return;
        }
        int size = Math.max(Math.max(1, grain), (n + 4 * count - 1) / (4 * count));
        int tasks = (n + size - 1) / size;
        run(tasks, (t, w) -> body.run(t * size, Math.min(n, (t + 1) * size), w));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
