package com.catalyst.backtest;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Runs each cycle of a backtest through the bundles' backtest routes: one exchange a cycle into
 * {@code direct:workflow-backtest-cycle} (the backtest instance of the cycle's route template, routes/workflow-cycle.camel.yaml), whose steps call each bundle's
 * {@code direct:<bundle>-backtest-*} route in the live cycle's order. A step's failure comes back as it was thrown, so
 * the run fails with its message.
 */
public final class BacktestRouteRunner implements BacktestEngine.CycleRunner {

    public static final String CYCLE_ENDPOINT = "direct:workflow-backtest-cycle";

    private final ProducerTemplate template;
    private final Endpoint endpoint;

    public BacktestRouteRunner(CamelContext camel) {
        this.template = camel.createProducerTemplate();
        this.endpoint = camel.getEndpoint(CYCLE_ENDPOINT);
    }

    @Override
    public void run(BacktestCycle cycle) {
        Exchange done = template.send(endpoint, exchange -> exchange.getIn().setBody(cycle));
        Exception failure = done.getException();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(cycle + " failed in the backtest routes: " + failure.getMessage(), failure);
        }
    }
}
