package com.catalyst.workflow;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link BacktestParity} where the order model has the most to do: shorts on, a 0.3 % trailing exit, and the paper
 * broker filling at most 10 shares an order a bar, on SPY's 2011-03-10. That day a pattern backtest with these
 * settings goes short, then long, and each entry and each trailing stop fills in several parts over several cycles:
 * the partial entries are recorded by later order syncs, their trailing stops placed once they are done (a short's
 * a buy for what the broker holds short), and the positions closed by the stops' last parts.
 */
@TestPropertySource(properties = {
        "catalyst.clock.session-date=2011-03-10",
        "catalyst.trading.allow-short=true",
        "catalyst.trading.exit.mode=trailing-percent",
        "catalyst.trading.exit.trail-percent=0.3",
        "catalyst.broker.max-fill-quantity=10"})
class BacktestParityShortsIT extends BacktestParity {
}
