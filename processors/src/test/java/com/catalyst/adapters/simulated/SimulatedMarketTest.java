package com.catalyst.adapters.simulated;

import com.catalyst.market.Bar;

import com.catalyst.market.MarketDataPort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.market.clock.ExchangeCalendar;

class SimulatedMarketTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10); // a Tuesday, two days after the DST change
    private static final Instant END_OF_DAY = ZonedDateTime.of(DAY, LocalTime.of(23, 59), NEW_YORK).toInstant();

    private static SimulatedMarket market(long seed, int symbols) {
        return new SimulatedMarket(new SimulatedScenario(seed, symbols));
    }

    private static Instant ny(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    @Test
    void universeListsEveryScenarioSymbolOnce() {
        SimulatedScenario scenario = new SimulatedScenario(3, 40);
        List<SecurityInfo> universe = new SimulatedMarket(scenario).universe();
        assertThat(universe).extracting(SecurityInfo::symbol)
                .containsExactlyElementsOf(scenario.profiles().stream().map(SimulatedScenario.SymbolProfile::symbol).toList());
        assertThat(universe).allSatisfy(s -> assertThat(s.exchange()).isEqualTo("SIM"));
    }

    @Test
    void sameSeedGivesIdenticalBars() {
        SimulatedMarket a = market(5, 20);
        SimulatedMarket b = market(5, 20);
        for (SecurityInfo s : a.universe()) {
            assertThat(a.intradayBars(s.symbol(), DAY, END_OF_DAY)).isEqualTo(b.intradayBars(s.symbol(), DAY, END_OF_DAY));
            assertThat(a.dailyBars(s.symbol(), DAY, 10)).isEqualTo(b.dailyBars(s.symbol(), DAY, 10));
        }
    }

    @Test
    void differentSeedsGiveDifferentBars() {
        SimulatedMarket a = market(5, 1);
        SimulatedMarket b = market(6, 1);
        Bar firstA = a.intradayBars(a.universe().get(0).symbol(), DAY, END_OF_DAY).get(0);
        Bar firstB = b.intradayBars(b.universe().get(0).symbol(), DAY, END_OF_DAY).get(0);
        assertThat(firstA).isNotEqualTo(firstB);
    }

    @Test
    void aSessionHas390MinuteBarsStampedAtTheirEndFrom0931To1600NewYork() {
        SimulatedMarket market = market(9, 5);
        for (SecurityInfo s : market.universe()) {
            List<Bar> bars = market.intradayBars(s.symbol(), DAY, END_OF_DAY);
            assertThat(bars).hasSize(390);
            assertThat(bars.get(0).time()).isEqualTo(ny(DAY, 9, 31));
            assertThat(bars.get(389).time()).isEqualTo(ny(DAY, 16, 0));
            for (int i = 1; i < bars.size(); i++) {
                assertThat(bars.get(i).time()).isEqualTo(bars.get(i - 1).time().plusSeconds(60));
            }
        }
    }

    @Test
    void sessionTimesFollowNewYorkAcrossTheDaylightSavingChange() {
        SimulatedMarket market = market(9, 1);
        String symbol = market.universe().get(0).symbol();
        LocalDate winter = LocalDate.of(2026, 3, 6);  // EST, UTC-5
        LocalDate summer = LocalDate.of(2026, 3, 9);  // EDT, UTC-4
        assertThat(market.intradayBars(symbol, winter, Instant.parse("2026-03-07T00:00:00Z")).get(0).time())
                .isEqualTo(Instant.parse("2026-03-06T14:31:00Z"));
        assertThat(market.intradayBars(symbol, summer, Instant.parse("2026-03-10T00:00:00Z")).get(0).time())
                .isEqualTo(Instant.parse("2026-03-09T13:31:00Z"));
    }

    @Test
    void barsAreOhlcConsistentWithPositiveVolume() {
        SimulatedMarket market = market(13, 60);
        LocalDate day = DAY;
        for (int d = 0; d < 3; d++, day = ExchangeCalendar.nextTradingDay(day)) {
            Instant end = ny(day, 23, 0);
            for (SecurityInfo s : market.universe()) {
                for (Bar b : market.intradayBars(s.symbol(), day, end)) {
                    assertConsistent(b);
                }
                market.dailyBars(s.symbol(), day, 5).forEach(SimulatedMarketTest::assertConsistent);
            }
        }
    }

    private static void assertConsistent(Bar b) {
        assertThat(b.low()).isPositive();
        assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close()));
        assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
        assertThat(b.volume()).isPositive();
    }

    @Test
    void barsConnectEachOpensAtThePreviousClose() {
        SimulatedMarket market = market(13, 3);
        for (SecurityInfo s : market.universe()) {
            List<Bar> bars = market.intradayBars(s.symbol(), DAY, END_OF_DAY);
            for (int i = 1; i < bars.size(); i++) {
                assertThat(bars.get(i).open()).isEqualTo(bars.get(i - 1).close());
            }
        }
    }

    @Test
    void intradayBarsStopAtUpToInclusive() {
        SimulatedMarket market = market(17, 2);
        String symbol = market.universe().get(0).symbol();
        List<Bar> all = market.intradayBars(symbol, DAY, END_OF_DAY);

        assertThat(market.intradayBars(symbol, DAY, ny(DAY, 9, 30))).isEmpty();
        assertThat(market.intradayBars(symbol, DAY, ny(DAY, 9, 31))).containsExactly(all.get(0));
        List<Bar> upTo10 = market.intradayBars(symbol, DAY, ny(DAY, 10, 0));
        assertThat(upTo10).hasSize(30).isEqualTo(all.subList(0, 30));
        // between two bar ends: the bar still forming is not served
        assertThat(market.intradayBars(symbol, DAY, ny(DAY, 10, 0).plusSeconds(59))).hasSize(30);
        assertThat(market.lastPrice(symbol, DAY, ny(DAY, 10, 0))).isEqualTo(all.get(29).close());
        assertThat(market.lastPrice(symbol, DAY, ny(DAY, 9, 0))).isNaN();
    }

    @Test
    void dailyBarsAreThePreviousTradingDaysOldestFirst() {
        SimulatedMarket market = market(19, 2);
        String symbol = market.universe().get(0).symbol();
        LocalDate monday = LocalDate.of(2026, 11, 30); // after Thanksgiving (26th) and a weekend
        List<Bar> daily = market.dailyBars(symbol, monday, 4);
        assertThat(daily).extracting(b -> b.time().atZone(NEW_YORK).toLocalDate())
                .containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25),
                        LocalDate.of(2026, 11, 27));
        // each stamped at its session's close: 13:00 on the day after Thanksgiving, an early close
        assertThat(daily).extracting(b -> b.time().atZone(NEW_YORK).toLocalTime())
                .containsExactly(LocalTime.of(16, 0), LocalTime.of(16, 0), LocalTime.of(16, 0), LocalTime.of(13, 0));
        assertThat(market.dailyBars(symbol, monday, 30)).hasSize(30);
        assertThat(market.dailyBars("NOPE", monday, 5)).isEmpty();
    }

    @Test
    void anEarlyCloseDayHas210BarsTheLastEndingAt1300AndItsDailyBarAgrees() {
        SimulatedMarket market = market(23, 10);
        LocalDate friday = LocalDate.of(2026, 11, 27);
        for (SecurityInfo s : market.universe()) {
            List<Bar> session = market.intradayBars(s.symbol(), friday, ny(friday, 23, 0));
            assertThat(session).hasSize(210);
            assertThat(session.get(209).time()).isEqualTo(ny(friday, 13, 0));
            Bar daily = market.dailyBars(s.symbol(), LocalDate.of(2026, 11, 30), 1).get(0);
            assertThat(session.get(209).close()).isCloseTo(daily.close(), org.assertj.core.data.Offset.offset(1e-3));
        }
        // a regular day keeps its 390
        assertThat(market.intradayBars(market.universe().get(0).symbol(), DAY, END_OF_DAY)).hasSize(390);
    }

    @Test
    void aDailyBarAgreesWithItsIntradaySession() {
        SimulatedMarket market = market(23, 10);
        LocalDate next = ExchangeCalendar.nextTradingDay(DAY);
        for (SecurityInfo s : market.universe()) {
            Bar daily = market.dailyBars(s.symbol(), next, 1).get(0);
            List<Bar> session = market.intradayBars(s.symbol(), DAY, END_OF_DAY);
            assertThat(session.get(0).open()).isCloseTo(daily.open(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(session.get(session.size() - 1).close()).isCloseTo(daily.close(), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void setupDaysGapUpOverThePreviousCloseAndCloseAboveTheirOpen() {
        SimulatedMarket market = market(29, 400);
        int setups = 0;
        LocalDate day = LocalDate.of(2026, 2, 2);
        for (int d = 0; d < 15; d++, day = ExchangeCalendar.nextTradingDay(day)) {
            Instant end = ny(day, 23, 0);
            for (SecurityInfo s : market.universe()) {
                if (!market.isSetup(s.symbol(), day)) {
                    continue;
                }
                setups++;
                List<Bar> session = market.intradayBars(s.symbol(), day, end);
                double previousClose = market.dailyBars(s.symbol(), day, 1).get(0).close();
                double open = session.get(0).open();
                double close = session.get(session.size() - 1).close();
                assertThat(open).as("%s %s open vs previous close %s", s.symbol(), day, previousClose).isGreaterThan(previousClose * 1.01);
                assertThat(close).as("%s %s close vs open", s.symbol(), day).isGreaterThan(open * 1.03);
            }
        }
        assertThat(setups).isGreaterThan(100);
    }

    @Test
    void everyDayOpensNearThePreviousDaysCloseIncludingTheDayAfterASetup() {
        SimulatedMarket market = market(41, 300);
        int afterSetup = 0;
        LocalDate day = LocalDate.of(2026, 2, 2);
        for (int d = 0; d < 15; d++, day = ExchangeCalendar.nextTradingDay(day)) {
            LocalDate previous = ExchangeCalendar.previousTradingDay(day);
            for (SecurityInfo s : market.universe()) {
                double previousClose = market.dailyBars(s.symbol(), day, 1).get(0).close();
                double open = market.intradayBars(s.symbol(), day, ny(day, 23, 0)).get(0).open();
                if (market.isSetup(s.symbol(), previous)) {
                    afterSetup++;
                }
                // ordinary gaps are a few tenths of a percent, setup gaps 1.5–4 %: never a 5 % jump either way
                assertThat(open / previousClose - 1).as("%s %s", s.symbol(), day).isBetween(-0.05, 0.05);
            }
        }
        assertThat(afterSetup).isPositive();
    }

    @Test
    void setupDaysTradeOnHeavierVolumeThanOrdinaryDays() {
        SimulatedMarket market = market(31, 400);
        double setupRatio = 0;
        int setups = 0;
        double ordinaryRatio = 0;
        int ordinary = 0;
        for (SecurityInfo s : market.universe()) {
            List<Bar> daily = market.dailyBars(s.symbol(), DAY, 20);
            double average = daily.stream().mapToLong(Bar::volume).average().orElseThrow();
            long today = market.intradayBars(s.symbol(), DAY, END_OF_DAY).stream().mapToLong(Bar::volume).sum();
            if (market.isSetup(s.symbol(), DAY)) {
                setupRatio += today / average;
                setups++;
            } else {
                ordinaryRatio += today / average;
                ordinary++;
            }
        }
        assertThat(setups).isPositive();
        assertThat(setupRatio / setups).isGreaterThan(1.5 * ordinaryRatio / ordinary);
    }

    @Test
    void nonTradingDaysHaveNoBars() {
        SimulatedMarket market = market(37, 3);
        String symbol = market.universe().get(0).symbol();
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        LocalDate thanksgiving = LocalDate.of(2026, 11, 26);
        assertThat(market.intradayBars(symbol, saturday, ny(saturday, 23, 0))).isEmpty();
        assertThat(market.intradayBars(symbol, thanksgiving, ny(thanksgiving, 23, 0))).isEmpty();
    }

    @Test
    void unknownSymbolsHaveNoBars() {
        SimulatedMarket market = market(37, 3);
        assertThat(market.intradayBars("ZZZZZ", DAY, END_OF_DAY)).isEmpty();
        assertThat(market.isSetup("ZZZZZ", DAY)).isFalse();
    }
}
