package org.jconvnet.train.data;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The consecutive minibatches of a range of a {@link ServedBatch}'s columns, each sliced one step
 * ahead on a background thread.
 *
 * <p>Why: slicing builds the minibatch's data matrix on the host (crop, flip, mean subtraction,
 * about a millisecond or two per 128 images), and on a GPU backend the training step itself takes
 * only a few milliseconds; done while the previous step runs, the slicing is off the critical path.
 * The data are exactly what {@link ServedBatch#slice} returns, so training is unchanged bit for bit.
 *
 * <p>One daemon thread serves every instance; an instance is used by one thread at a time.
 */
public final class Minibatches {
    private static final ExecutorService AHEAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jconvnet-minibatch-slicer");
        t.setDaemon(true);
        return t;
    });

    /** One minibatch: its first column in the served batch, its size and its data matrices by data index. */
    public record Minibatch(int start, int numCases, Map<Integer, double[]> data) {
    }

    private final ServedBatch batch;
    private final int mini;
    private final int end;
    private int nextStart;
    private Future<Map<Integer, double[]>> ahead;

    /**
     * The minibatches of columns {@code [from, to)} of {@code batch}, {@code mini} columns each (the
     * last may have fewer); slicing of the first starts at once.
     */
    public Minibatches(ServedBatch batch, int mini, int from, int to) {
        if (mini < 1 || from < 0 || to > batch.numCases() || from > to) {
            throw new IllegalArgumentException("minibatches of " + mini + " over columns [" + from + ", " + to
                    + ") of a batch with " + batch.numCases());
        }
        this.batch = batch;
        this.mini = mini;
        this.end = to;
        this.nextStart = from;
        this.ahead = schedule(from);
    }

    /** The minibatches of every column of {@code batch}. */
    public Minibatches(ServedBatch batch, int mini) {
        this(batch, mini, 0, batch.numCases());
    }

    /** Whether another minibatch remains. */
    public boolean hasNext() {
        return nextStart < end;
    }

    /** The next minibatch (waiting for its slicing if needed); the one after starts slicing. */
    public Minibatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no minibatch after column " + end);
        }
        int start = nextStart;
        int n = Math.min(mini, end - start);
        Map<Integer, double[]> data = await(ahead);
        nextStart = start + n;
        ahead = schedule(nextStart);
        return new Minibatch(start, n, data);
    }

    private Future<Map<Integer, double[]>> schedule(int start) {
        if (start >= end) {
            return null;
        }
        int n = Math.min(mini, end - start);
        return AHEAD.submit(() -> batch.slice(start, n));
    }

    private static Map<Integer, double[]> await(Future<Map<Integer, double[]>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a minibatch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("slicing a minibatch failed: " + cause, cause);
        }
    }
}
