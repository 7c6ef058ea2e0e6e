package com.catalyst.backtest;

/** What a backtest was asked to read is missing or unreadable: the run ends at once with this message. */
public final class BacktestInputException extends IllegalArgumentException {

    public BacktestInputException(String message) {
        super(message);
    }
}
