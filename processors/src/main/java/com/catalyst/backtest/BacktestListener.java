package com.catalyst.backtest;

/** What a run reports while it goes: where persistence and progress hook in. Any exception thrown here fails the run. */
public interface BacktestListener {

    /** Called every few thousand bars and at each session's close. */
    default void progress(long barsDone, long barsTotal) {
    }

    default void trade(BacktestTrade trade) {
    }

    default void equity(EquitySample sample) {
    }

    BacktestListener NONE = new BacktestListener() {
    };
}
