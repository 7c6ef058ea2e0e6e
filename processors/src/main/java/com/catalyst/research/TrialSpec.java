package com.catalyst.research;

import java.util.Map;

import com.catalyst.backtest.BacktestConfig;

/**
 * One trial of a sweep: its id ({@code sweepId}, {@code trialNo}, unique: a result is written once under it), the
 * parameters it varies and the backtest configuration they make. What a {@link TrialExecutor} is handed.
 */
public record TrialSpec(long sweepId, int trialNo, Map<String, Object> parameters, BacktestConfig config) {

    public TrialSpec {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
