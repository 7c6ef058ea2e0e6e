package com.catalyst.adapters.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an early-close day the replayed session ends with the bar ending 13:00: later rows are the late session's. */
class ReplayMarketEarlyCloseTest {

    private static Instant ny(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(TradingClock.EXCHANGE_ZONE).toInstant();
    }

    @Test
    void theDayAfterThanksgivingEndsAt1300AndARegularDayAt1600(@TempDir Path dir) throws IOException {
        // NinjaTrader rows in UTC: New York is UTC-5 in late November
        Files.writeString(dir.resolve("nt-aaa-minute-2026-11.csv"), String.join("\n",
                "20261125 180100;10;10.1;9.9;10;1000", "20261125 205900;10;10.1;9.9;10;1000", "20261125 210000;10;10.1;9.9;10;1000",
                "20261127 143100;10;10.1;9.9;10;1000", "20261127 175900;10;10.1;9.9;10;1000", "20261127 180000;10;10.1;9.9;10;1000",
                "20261127 180100;10;10.1;9.9;10;1000", "20261127 190000;10;10.1;9.9;10;1000"));
        ReplayMarket market = new ReplayMarket(dir);
        LocalDate friday = LocalDate.of(2026, 11, 27);
        LocalDate wednesday = LocalDate.of(2026, 11, 25);

        List<Bar> early = market.intradayBars("AAA", friday, ny(friday, 23, 0));
        assertThat(early).extracting(Bar::time).containsExactly(ny(friday, 9, 31), ny(friday, 12, 59), ny(friday, 13, 0));
        List<Bar> regular = market.intradayBars("AAA", wednesday, ny(wednesday, 23, 0));
        assertThat(regular).extracting(Bar::time).endsWith(ny(wednesday, 15, 59), ny(wednesday, 16, 0));
        // the daily bar built from the early-close session ends at 13:00
        assertThat(market.dailyBars("AAA", LocalDate.of(2026, 11, 30), 1)).extracting(b -> b.time().atZone(TradingClock.EXCHANGE_ZONE).toLocalTime())
                .containsExactly(LocalTime.of(13, 0));
    }
}
