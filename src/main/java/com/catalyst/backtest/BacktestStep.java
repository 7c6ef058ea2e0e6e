package com.catalyst.backtest;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

/**
 * One step of the cycle as a bundle's backtest route runs it ({@code process: ref: backtestPatternStep} in
 * routes/pattern-backtest.camel.yaml, and so on): the step of {@link BacktestStages} that {@link BacktestStages#CYCLE}
 * names, over the exchange's {@link BacktestCycle}. A processor rather than a bean call: ema-cross runs a cycle every
 * bar, and the bean call's method lookup, parameter binding and reflection took about a tenth of such a run through the
 * routes (docs/benchmarks.md).
 */
public final class BacktestStep implements Processor {

    private final BacktestStages stages;
    private final String step;

    BacktestStep(BacktestStages stages, String step) {
        if (!BacktestStages.CYCLE.contains(step)) {
            throw new IllegalArgumentException("no cycle step " + step + "; the steps are " + BacktestStages.CYCLE);
        }
        this.stages = stages;
        this.step = step;
    }

    /** The registry name of a step's processor: {@code backtest<Step>Step}, e.g. backtestPatternStep. */
    public static String ref(String step) {
        return "backtest" + step.substring(0, 1).toUpperCase(Locale.ROOT) + step.substring(1) + "Step";
    }

    /** Binds a processor for each step of the cycle, under {@link #ref}, over {@code stages} (a test's may fail on purpose). */
    public static void bindAll(Registry registry, BacktestStages stages) {
        for (String step : BacktestStages.CYCLE) {
            registry.bind(ref(step), new BacktestStep(stages, step));
        }
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        stages.step(step, exchange.getIn().getMandatoryBody(BacktestCycle.class));
    }

    @Override
    public String toString() {
        return "backtest step " + step;
    }
}
