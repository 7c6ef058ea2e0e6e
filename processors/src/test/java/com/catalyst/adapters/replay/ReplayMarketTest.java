package com.catalyst.adapters.replay;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.catalyst.market.MarketDataPort.SecurityInfo;

/** On the real files in data/ (surefire runs from the repository root). */
class ReplayMarketTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Path PYALGOTRADE = Path.of("data/pyalgotrade");
    private static final Path STOCKNET = Path.of("data/stocknet/price/raw");

    private static ReplayMarket spy;

    @BeforeAll
    static void load() {
        spy = new ReplayMarket(PYALGOTRADE);
    }

    private static Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59), NEW_YORK).toInstant();
    }

    private static List<LocalDate> sessionsWithBars() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2010, 12, 25); d.isBefore(LocalDate.of(2011, 4, 5)); d = d.plusDays(1)) {
            if (!spy.intradayBars("SPY", d, endOf(d)).isEmpty()) {
                days.add(d);
            }
        }
        return days;
    }

    @Test
    void minuteFilesNameTheSymbol() {
        assertThat(spy.universe()).extracting(SecurityInfo::symbol).containsExactly("SPY");
        assertThat(spy.firstSession()).isEqualTo(LocalDate.of(2011, 1, 3));
    }

    @Test
    void theBarStamped143100UtcIsThe0931NewYorkBarWithClose13235() {
        LocalDate day = LocalDate.of(2011, 3, 9);
        List<Bar> bars = spy.intradayBars("SPY", day, endOf(day));
        Bar first = bars.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2011-03-09T14:31:00Z"));
        assertThat(first.time().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 31));
        assertThat(first.open()).isEqualTo(132.31);
        assertThat(first.high()).isEqualTo(132.37);
        assertThat(first.low()).isEqualTo(132.25);
        assertThat(first.close()).isEqualTo(132.35);
        assertThat(first.volume()).isEqualTo(556_121L);
        assertThat(bars.get(bars.size() - 1).time()).isEqualTo(Instant.parse("2011-03-09T21:00:00Z"));
    }

    @Test
    void everyCompleteSessionHasExactly390RegularBarsFrom0931To1600NewYork() {
        List<LocalDate> sessions = sessionsWithBars();
        // the data set's 20 January and 23 March sessions
        assertThat(sessions).hasSize(43);
        assertThat(sessions.stream().filter(d -> d.getMonthValue() == 1)).hasSize(20);
        assertThat(sessions.stream().filter(d -> d.getMonthValue() == 3)).hasSize(23);
        for (LocalDate day : sessions) {
            List<Bar> bars = spy.intradayBars("SPY", day, endOf(day));
            assertThat(bars).as("session %s", day).hasSize(390);
            assertThat(bars.get(0).time().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 31));
            assertThat(bars.get(389).time().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
            assertThat(bars).allSatisfy(b -> assertThat(b.time().atZone(NEW_YORK).toLocalDate()).isEqualTo(day));
        }
    }

    @Test
    void extendedHoursAndTheEveningRowsOfJanuary31DoNotMakeASession() {
        // the January file runs into 2011-02-01 UTC, which is still the evening of the 31st in New York
        assertThat(spy.intradayBars("SPY", LocalDate.of(2011, 2, 1), endOf(LocalDate.of(2011, 2, 1)))).isEmpty();
        LocalDate martinLutherKingDay = LocalDate.of(2011, 1, 17);
        assertThat(spy.intradayBars("SPY", martinLutherKingDay, endOf(martinLutherKingDay))).isEmpty();
    }

    @Test
    void theSessionMovesAnHourInUtcAcrossTheDaylightSavingChange() {
        LocalDate friday = LocalDate.of(2011, 3, 11);
        LocalDate monday = LocalDate.of(2011, 3, 14);
        List<Bar> before = spy.intradayBars("SPY", friday, endOf(friday));
        List<Bar> after = spy.intradayBars("SPY", monday, endOf(monday));
        assertThat(before.get(0).time()).isEqualTo(Instant.parse("2011-03-11T14:31:00Z"));
        assertThat(before.get(389).time()).isEqualTo(Instant.parse("2011-03-11T21:00:00Z"));
        assertThat(after.get(0).time()).isEqualTo(Instant.parse("2011-03-14T13:31:00Z"));
        assertThat(after.get(389).time()).isEqualTo(Instant.parse("2011-03-14T20:00:00Z"));
        assertThat(after.get(0).close()).isEqualTo(130.03);
    }

    @Test
    void intradayBarsStopAtUpTo() {
        LocalDate day = LocalDate.of(2011, 3, 9);
        assertThat(spy.intradayBars("SPY", day, Instant.parse("2011-03-09T14:30:59Z"))).isEmpty();
        assertThat(spy.intradayBars("SPY", day, Instant.parse("2011-03-09T14:31:00Z"))).hasSize(1);
        assertThat(spy.intradayBars("SPY", day, Instant.parse("2011-03-09T15:00:30Z"))).hasSize(30);
        assertThat(spy.lastPrice("SPY", day, Instant.parse("2011-03-09T14:31:00Z"))).isEqualTo(132.35);
        assertThat(spy.intradayBars("QQQ", day, endOf(day))).isEmpty();
    }

    @Test
    void withoutADailyFileDailyBarsAreBuiltFromTheRegularSession() {
        LocalDate day = LocalDate.of(2011, 3, 9);
        List<Bar> session = spy.intradayBars("SPY", day, endOf(day));
        List<Bar> daily = spy.dailyBars("SPY", LocalDate.of(2011, 3, 10), 1);
        assertThat(daily).hasSize(1);
        Bar bar = daily.get(0);
        assertThat(bar.open()).isEqualTo(session.get(0).open());
        assertThat(bar.close()).isEqualTo(session.get(389).close());
        assertThat(bar.high()).isEqualTo(session.stream().mapToDouble(Bar::high).max().orElseThrow());
        assertThat(bar.low()).isEqualTo(session.stream().mapToDouble(Bar::low).min().orElseThrow());
        assertThat(bar.volume()).isEqualTo(session.stream().mapToLong(Bar::volume).sum());
    }

    @Test
    void dailyBarsAreTheSessionsBeforeTheDateOldestFirst() {
        List<Bar> daily = spy.dailyBars("SPY", LocalDate.of(2011, 3, 15), 3);
        assertThat(daily).extracting(b -> b.time().atZone(NEW_YORK).toLocalDate())
                .containsExactly(LocalDate.of(2011, 3, 10), LocalDate.of(2011, 3, 11), LocalDate.of(2011, 3, 14));
        // fewer sessions than asked: what there is
        assertThat(spy.dailyBars("SPY", LocalDate.of(2011, 1, 5), 10)).hasSize(2);
    }

    @Test
    void dailyFilesAreReadWhenTheyAreBesideAMinuteFile(@TempDir Path dir) throws IOException {
        Files.copy(PYALGOTRADE.resolve("nt-spy-minute-2011-03.csv"), dir.resolve("nt-spy-minute-2011-03.csv"));
        Files.copy(STOCKNET.resolve("AAPL.csv"), dir.resolve("AAPL.csv"));
        ReplayMarket market = new ReplayMarket(dir);

        List<Bar> daily = market.dailyBars("AAPL", LocalDate.of(2012, 9, 6), 5);
        // the first two rows of data/stocknet/price/raw/AAPL.csv
        assertThat(daily).hasSize(2);
        Bar first = daily.get(0);
        assertThat(first.time()).isEqualTo(ZonedDateTime.of(LocalDate.of(2012, 9, 4), LocalTime.of(16, 0), NEW_YORK).toInstant());
        assertThat(first.open()).isCloseTo(95.108574, within(1e-9));
        assertThat(first.high()).isCloseTo(96.448570, within(1e-9));
        assertThat(first.low()).isCloseTo(94.928574, within(1e-9));
        assertThat(first.close()).isCloseTo(96.424286, within(1e-9));
        assertThat(first.volume()).isEqualTo(91_973_000L); // the last column, not Adj Close
        assertThat(daily.get(1).close()).isCloseTo(95.747147, within(1e-9));
        // a daily-only symbol is not in the intraday universe
        assertThat(market.universe()).extracting(SecurityInfo::symbol).containsExactly("SPY");
    }

    @Test
    void aFolderWithoutMinuteFilesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ReplayMarket(STOCKNET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalyst.market.replay-dir")
                .hasMessageContaining("no 1-minute file");
    }

    @Test
    void aMissingFolderIsRefusedNamingTheSetting(@TempDir Path dir) {
        assertThatThrownBy(() -> new ReplayMarket(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalyst.market.replay-dir")
                .hasMessageContaining("does not exist");
    }
}
