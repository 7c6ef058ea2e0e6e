package com.catalyst.market.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Real time on the exchange calendar: the market is open on trading days from 09:30 to 16:00 New York time. */
public final class WallClock implements TradingClock {

    private final Clock clock;

    public WallClock(Clock clock) {
        this.clock = clock;
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
    public boolean isMarketOpen() {
        var local = now().atZone(EXCHANGE_ZONE);
        LocalTime time = local.toLocalTime();
        return ExchangeCalendar.isTradingDay(local.toLocalDate()) && !time.isBefore(REGULAR_OPEN) && time.isBefore(REGULAR_CLOSE);
    }
}
