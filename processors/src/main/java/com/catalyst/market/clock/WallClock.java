package com.catalyst.market.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Real time on an exchange calendar: the market is open on the calendar's trading days from its open to its close,
 * New York time (09:30–16:00, 13:00 on an early close). The built-in NYSE calendar unless another is given.
 */
public final class WallClock implements TradingClock {

    private final Clock clock;
    private final MarketCalendar calendar;

    public WallClock(Clock clock) {
        this(clock, ExchangeCalendar.BUILT_IN);
    }

    public WallClock(Clock clock, MarketCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public LocalDate sessionDate() {
        return now().atZone(EXCHANGE_ZONE).toLocalDate();
    }

    @Override
    public MarketCalendar calendar() {
        return calendar;
    }

    @Override
    public boolean isMarketOpen() {
        var local = now().atZone(EXCHANGE_ZONE);
        return calendar.session(local.toLocalDate()).map(s -> s.contains(local.toLocalTime())).orElse(false);
    }
}
