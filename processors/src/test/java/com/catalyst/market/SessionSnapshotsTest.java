package com.catalyst.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.catalyst.market.clock.MarketHours;
import com.catalyst.market.clock.TradingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The trader's quote, bars and market hours, from a market of three bars and a clock on the day after Thanksgiving. */
class SessionSnapshotsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final Instant T1 = Instant.parse("2026-11-27T14:31:00Z");

    final MarketDataPort market = new MarketDataPort() {
        @Override
        public List<SecurityInfo> universe() {
            return List.of(new SecurityInfo("AAPL", "Apple Inc.", 1, "NASDAQ"));
        }

        @Override
        public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
            if (!symbol.equals("AAPL")) {
                return List.of();
            }
            return List.of(new Bar(T1, 200, 201, 199.5, 200.5, 1000), new Bar(T1.plusSeconds(60), 200.5, 202.25, 200, 202, 1500),
                    new Bar(T1.plusSeconds(120), 202, 202.1, 198.75, 199, 500)).stream().filter(b -> !b.time().isAfter(upTo)).toList();
        }

        @Override
        public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
            return symbol.equals("AAPL") ? List.of(new Bar(Instant.parse("2026-11-25T21:00:00Z"), 195, 199, 194, 198, 9_000_000)) : List.of();
        }
    };
    final SessionSnapshots snapshots = new SessionSnapshots(market);

    @Test
    void snapshotSumsTheSessionsBarsAndComparesWithThePreviousClose() {
        SessionSnapshot s = snapshots.snapshot("AAPL", DAY, T1.plusSeconds(120));
        assertThat(s.last()).isEqualTo(199);
        assertThat(s.open()).isEqualTo(200);
        assertThat(s.high()).isEqualTo(202.25);
        assertThat(s.low()).isEqualTo(198.75);
        assertThat(s.volume()).isEqualTo(3000);
        assertThat(s.previousClose()).isEqualTo(198);
        assertThat(s.changePercent()).isCloseTo(100.0 / 198, within(1e-9));
        assertThat(s.name()).isEqualTo("Apple Inc.");
        assertThat(s.asOf()).isEqualTo(T1.plusSeconds(120));
    }

    @Test
    void barsAreTheLastOnesUpToTheLimitAndAnUnknownTickerIsNamed() {
        assertThat(snapshots.bars("AAPL", DAY, T1.plusSeconds(120), 2)).extracting(Bar::close).containsExactly(202.0, 199.0);
        assertThat(snapshots.bars("AAPL", DAY, T1, 10)).hasSize(1);
        assertThatThrownBy(() -> snapshots.bars("ZZZZ", DAY, T1, 10)).isInstanceOf(SessionSnapshots.UnknownSymbolException.class)
                .hasMessageContaining("ZZZZ");
        assertThatThrownBy(() -> snapshots.snapshot("ZZZZ", DAY, T1)).hasMessageContaining("check the ticker");
    }

    @Test
    void marketHoursShowTheEarlyCloseAndTheNextSessionAfterIt() {
        MarketHours during = MarketHours.of(clockAt(Instant.parse("2026-11-27T17:00:00Z"), true));   // 12:00 New York
        assertThat(during.isOpen()).isTrue();
        assertThat(during.today().close()).isEqualTo(LocalTime.of(13, 0));
        assertThat(during.today().earlyClose()).isTrue();
        assertThat(during.minutesToClose()).isEqualTo(60);
        assertThat(during.nextSession().date()).isEqualTo(DAY);

        MarketHours after = MarketHours.of(clockAt(Instant.parse("2026-11-27T19:00:00Z"), false));   // 14:00, after the early close
        assertThat(after.isOpen()).isFalse();
        assertThat(after.nextSession().date()).isEqualTo(LocalDate.of(2026, 11, 30));               // the weekend skipped
        assertThat(after.nextSession().close()).isEqualTo(LocalTime.of(16, 0));

        assertThat(MarketHours.calendar(clockAt(T1, true), LocalDate.of(2026, 11, 25), 3)).extracting(MarketHours.Day::date)
                .containsExactly(LocalDate.of(2026, 11, 25), DAY, LocalDate.of(2026, 11, 30));  // Thanksgiving closed
    }

    static TradingClock clockAt(Instant now, boolean open) {
        return new TradingClock() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public LocalDate sessionDate() {
                return DAY;
            }

            @Override
            public boolean isMarketOpen() {
                return open;
            }
        };
    }
}
