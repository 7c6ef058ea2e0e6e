package com.catalyst.workflow;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link BacktestParity} with the shipped settings (bracket exits, longs only, whole fills) on SPY's 2011-01-28.
 * <p>
 * <b>Why 2011-01-28.</b> A backtest of the pattern strategy over each of the 43 sessions, one session a run, with the
 * shipped settings: six sessions make no trade, 35 make one (34 closed at the end of the day, one by its stop), and
 * two make two, each a stop first and an end-of-day close after: 2011-01-28 and 2011-03-01. On 2011-01-28 the stop
 * and the second entry fall in the same cycle (13:30), so the day checks, besides an entry, a bracket stop and the
 * end-of-day flatten, that a cycle's exits are settled before its entries (the second entry needs the first position
 * closed, as there is at most one open position a symbol) and that the second entry is sized from the equity after
 * that cycle's realized loss. On 2011-03-01 the same events come in separate cycles (stop 14:25, entry 14:40).
 */
@TestPropertySource(properties = "catalyst.clock.session-date=2011-01-28")
class BacktestParityIT extends BacktestParity {
}
