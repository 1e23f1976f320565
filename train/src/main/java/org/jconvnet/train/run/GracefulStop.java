package org.jconvnet.train.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT (Ctrl-C) and SIGTERM for a training process: instead of dying mid-step, the process lets
 * the training loop finish its current minibatch and save a checkpoint, then exits with the code
 * the command chose (130).
 *
 * <p>How: the JVM runs shutdown hooks on those signals while the other threads go on running. The
 * hook of {@link #process()}, installed when training first {@link #watch() watches}, sets
 * {@link #requested()}, waits for the watching loop to end (its scope closed, up to {@code grace}),
 * then for the process's exit code ({@link #exit(int)}, up to a few seconds, so the command's last
 * lines are printed), flushes {@code System.out}/{@code System.err} and halts with that code. The
 * code must come through {@link #exit(int)}: {@code System.exit} called while the hook runs would
 * block forever. When nothing watches, the hook returns at once and the JVM exits as it always does.
 */
public final class GracefulStop implements StopSignal {
    /** The exit code of a run stopped by a signal, as shells report a Ctrl-C. */
    public static final int EXIT_CODE = 130;
    private static final GracefulStop PROCESS = new GracefulStop(Duration.ofMinutes(10), Duration.ofSeconds(10), System.err);

    private final Duration grace;
    private final Duration exitWait;
    private final PrintStream notices;
    private final AtomicInteger watchers = new AtomicInteger();
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private final CountDownLatch exitGiven = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile int exitCode = EXIT_CODE;
    private boolean hookInstalled;

    private GracefulStop(Duration grace, Duration exitWait, PrintStream notices) {
        this.grace = grace;
        this.exitWait = exitWait;
        this.notices = notices;
    }

    /** The process's instance; its shutdown hook is installed on the first {@link #watch()}. */
    public static GracefulStop process() {
        return PROCESS;
    }

    /**
     * Ends the process with {@code code}: hands it to the shutdown hook when a stop signal is being
     * handled (which then halts with it), else {@link System#exit}. For {@code main} methods.
     */
    public static void exit(int code) {
        if (PROCESS.requested) {
            PROCESS.exitCode = code;
            PROCESS.exitGiven.countDown();
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // the hook halts the JVM; nothing to do until then
                }
            }
        }
        System.exit(code);
    }

    @Override
    public boolean requested() {
        return requested;
    }

    @Override
    public synchronized Scope watch() {
        if (!hookInstalled) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "jconvnet-graceful-stop"));
                hookInstalled = true;
            } catch (IllegalStateException shuttingDown) {
                requested = true;
            }
        }
        watchers.incrementAndGet();
        return () -> {
            if (watchers.decrementAndGet() == 0 && requested) {
                loopEnded.countDown();
            }
        };
    }

    private void onSignal() {
        if (watchers.get() == 0) {
            return;
        }
        requested = true;
        if (watchers.get() == 0) {
            loopEnded.countDown();
        }
        notices.println("jconvnet: stop requested: finishing the current minibatch, then saving a checkpoint ("
                + "kill -9 " + ProcessHandle.current().pid() + " stops at once, losing the work since the last checkpoint)");
        notices.flush();
        if (!await(loopEnded, grace)) {
            notices.println("jconvnet: training did not reach a safe point within " + grace.toMinutes()
                    + " minutes; stopping without a new checkpoint (the previous one is intact)");
        } else {
            await(exitGiven, exitWait);
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    private static boolean await(CountDownLatch latch, Duration limit) {
        try {
            return latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
