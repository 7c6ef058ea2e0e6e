package com.catalyst.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs a sweep's trials on a fixed pool of threads (all cores unless told otherwise) through a {@link TrialExecutor},
 * reads each result into a {@link TrialOutcome} on the thread that ran it, and answers the outcomes in trial order, so
 * nothing a caller sees depends on which thread finished first. A trial that throws stops the sweep with its message;
 * a cancel leaves the trials not yet started unrun (their slots null).
 */
public final class SweepRunner {

    /** Hears each trial as it ends, from the pool's threads (so it must be thread-safe). */
    @FunctionalInterface
    public interface Listener {
        void trialDone(TrialOutcome outcome, int done, int total);
    }

    private final int threads;

    /** @param threads the pool's size; 0 or less means {@link Runtime#availableProcessors()} */
    public SweepRunner(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code specs} and answers one outcome per spec, in the specs' order; null where a cancel came first.
     *
     * @param cancelled asked before each trial starts
     */
    public List<TrialOutcome> run(List<TrialSpec> specs, TrialExecutor executor, List<LocalDate> sessions, List<WalkForward.Fold> folds,
                                  BooleanSupplier cancelled, Listener listener) {
        TrialOutcome[] outcomes = new TrialOutcome[specs.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, specs.size())), r -> {
            Thread t = new Thread(r, "sweep-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                int slot = i;
                futures.add(pool.submit(() -> {
                    if (failed.get() || cancelled.getAsBoolean()) {
                        return;
                    }
                    TrialSpec spec = specs.get(slot);
                    try {
                        outcomes[slot] = TrialOutcome.of(spec, executor.run(spec), sessions, folds);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    listener.trialDone(outcomes[slot], done.incrementAndGet(), specs.size());
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                    throw new IllegalStateException("trial " + specs.get(i).trialNo() + " failed: " + message, cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return java.util.Arrays.asList(outcomes);
    }
}
