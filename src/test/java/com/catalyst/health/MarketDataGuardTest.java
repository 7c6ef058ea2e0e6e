package com.catalyst.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.trading.ReconciliationDesk.TradingHaltedException;
import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketFeed;
import com.catalyst.market.clock.MutableClock;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.market.clock.WallClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MarketDataGuardTest {

    /** A Monday that trades, 2026-12-07. */
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    final MutableClock wall = new MutableClock(at(10, 0));
    final TradingClock clock = new WallClock(wall);
    final LiveFeed feed = new LiveFeed();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MarketDataGuard guard = new MarketDataGuard(feed, clock, Duration.ofMinutes(3), meters);

    @Test
    void aBarWithinTheWindowKeepsEntriesOpen() {
        feed.lastBarAt = at(9, 58);

        assertThat(guard.stale()).isFalse();
        assertThatCode(guard::requireFresh).doesNotThrowAnyException();
        assertThat(meters.get("catalyst.market.data.stale").gauge().value()).isZero();
        assertThat(meters.get("catalyst.market.data.age").gauge().value()).isEqualTo(120.0);
    }

    @Test
    void noBarForLongerThanTheWindowStopsEntriesAndSaysWhy() {
        feed.lastBarAt = at(9, 56, 59);

        assertThat(guard.stale()).isTrue();
        assertThatThrownBy(guard::requireFresh).isInstanceOf(TradingHaltedException.class)
                .hasMessageContaining("no bar for 181 s").hasMessageContaining("catalyst.market.stale-after=PT3M");
        assertThat(meters.get("catalyst.market.data.stale").gauge().value()).isEqualTo(1.0);
        assertThat(guard.status()).get().satisfies(s -> {
            assertThat(s).containsEntry("stale", true).containsEntry("feed", "iex").containsEntry("connected", false);
            assertThat(s.get("last_bar_age_seconds")).isEqualTo(181L);
        });

        feed.lastBarAt = at(10, 0);
        assertThatCode(guard::requireFresh).doesNotThrowAnyException();
    }

    @Test
    void theCyclesRefusalIsNotifiedOnceUntilBarsArriveAgain() {
        List<String> notified = new java.util.ArrayList<>();
        org.springframework.test.util.ReflectionTestUtils.setField(guard, "notifications",
                new com.catalyst.notify.Notifications(null, null, null, 0) {
                    @Override
                    public void marketDataStale(String why) {
                        notified.add(why);
                    }
                });
        feed.lastBarAt = at(9, 56, 59);

        assertThat(guard.refusesEntries()).isTrue();
        assertThat(guard.refusesEntries()).isTrue();
        assertThatThrownBy(guard::requireFresh).isInstanceOf(TradingHaltedException.class);
        assertThat(notified).containsExactly("no bar for 181 s");

        feed.lastBarAt = at(10, 0);
        assertThat(guard.refusesEntries()).isFalse();
        wall.set(at(10, 4));
        assertThat(guard.refusesEntries()).as("stale again").isTrue();
        assertThat(notified).containsExactly("no bar for 181 s", "no bar for 240 s");
    }

    @Test
    void noBarAtAllIsStaleOnlyOnceTheGraceAfterTheOpenHasPassed() {
        wall.advance(Duration.between(at(10, 0), at(9, 32)));
        assertThat(guard.stale()).as("two minutes after the open, no bar yet is normal").isFalse();

        wall.advance(Duration.ofMinutes(2));
        assertThat(guard.stale()).isTrue();
        assertThatThrownBy(guard::requireFresh).hasMessageContaining("no bar yet this session");
    }

    @Test
    void outsideTheSessionNothingIsStale() {
        feed.lastBarAt = at(16, 0);
        wall.advance(Duration.between(at(10, 0), at(19, 0)));

        assertThat(guard.stale()).isFalse();
    }

    @Test
    void theSimulatedMarketIsNeverStaleAndHasNoMarketField() {
        MarketDataGuard simulated = new MarketDataGuard(new SimulatedMarket(new SimulatedScenario(1, 10)), clock, Duration.ofMinutes(3),
                new SimpleMeterRegistry());

        assertThat(simulated.stale()).isFalse();
        assertThat(simulated.status()).isEmpty();
    }

    static Instant at(int hour, int minute) {
        return at(hour, minute, 0);
    }

    static Instant at(int hour, int minute, int second) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute, second), TradingClock.EXCHANGE_ZONE).toInstant();
    }

    /** A live adapter whose last bar the test sets. */
    static final class LiveFeed implements MarketDataPort, MarketFeed {
        volatile Instant lastBarAt;

        @Override
        public Status status() {
            return new Status("alpaca", "iex", true, false, lastBarAt, 30, List.of());
        }

        @Override
        public List<SecurityInfo> universe() {
            return List.of();
        }

        @Override
        public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
            return List.of();
        }

        @Override
        public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
            return List.of();
        }
    }
}
