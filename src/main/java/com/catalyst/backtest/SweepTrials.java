package com.catalyst.backtest;

/** Runs one trial of a stored sweep where it is asked to: what a Kafka worker does with a message (SweepWorker). */
@FunctionalInterface
public interface SweepTrials {

    /** What became of a trial a worker took. */
    enum Taken {
        /** run now and its result written */
        RAN,
        /** its result was already there (another worker, or this one before a crash, wrote it): not run again */
        ALREADY_DONE,
        /** the sweep was cancelled, has ended or failed: not run */
        SWEEP_ENDED,
        /** the trial itself failed (its message recorded on the sweep): not retried, since it would fail again */
        FAILED
    }

    Taken run(long sweepId, int trialNo);
}
