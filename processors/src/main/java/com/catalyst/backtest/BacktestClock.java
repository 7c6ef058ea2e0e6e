package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;

import com.catalyst.market.clock.MarketCalendar;
import com.catalyst.market.clock.TradingClock;

/**
 * The simulated clock of a backtest: it stands at the end of the minute being replayed and moves only when the run
 * steps it, so a run goes as fast as the machine allows and every decision reads the replayed time. The market counts
 * as open for the bars of the session (ends 09:31 through 16:00, 13:00 on an early close of the built-in calendar),
 * as the replayed bars say.
 */
public final class BacktestClock implements TradingClock {

    private Instant now;
    private LocalDate session;
    // the session's hours, looked up once a session: every cycle asks for the minutes to the close, some steps twice
    private Instant open;
    private Instant close;

    public void set(LocalDate session, Instant now) {
        if (!session.equals(this.session)) {
            this.session = session;
            MarketCalendar.Session hours = session();
            open = hours.openInstant();
            close = hours.closeInstant();
        }
        this.now = now;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public LocalDate sessionDate() {
        return session;
    }

    @Override
    public Instant sessionOpen() {
        return open;
    }

    @Override
    public Instant sessionClose() {
        return close;
    }

    @Override
    public boolean isMarketOpen() {
        return now != null && now.isAfter(sessionOpen()) && !now.isAfter(sessionClose());
    }
}
