package com.catalyst.adapters.replay;

import com.catalyst.market.Bar;
import com.catalyst.market.BarIssue;
import com.catalyst.market.BarIssueCounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.catalyst.technical.IndicatorSet;
import com.catalyst.technical.IndicatorSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay file with every kind of bad bar: the market serves only clean bars in time order, counts each issue,
 * and the indicators computed from what it serves are finite.
 */
class ReplayMarketSanitizingTest {

    private static final LocalDate SESSION = LocalDate.of(2011, 3, 9);
    private static final Instant FIRST_BAR_END = Instant.parse("2011-03-09T14:31:00Z"); // 09:31 New York
    private static final DateTimeFormatter NT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void badBarsAreDroppedOrRepairedCountedAndNeverReachTheIndicators() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int minute = 1; minute <= 60; minute++) {
            switch (minute) {
                case 10, 11 -> { } // a gap of two minutes
                case 20 -> rows.add(row(minute, 100.2, 100.3, 100.1, 100.2, 0));
                case 29 -> { } // arrives late, below
                case 35 -> rows.add(row(minute, 100.35, 100.4, 100.3, Double.NaN, 1_000));
                case 40 -> rows.add(row(minute, 100.4, 100.5, -100.3, 100.4, 1_000));
                case 45 -> rows.add(row(minute, 101.0, 100.5, 100.4, 100.45, 1_000)); // open above the high
                default -> rows.add(good(minute));
            }
            if (minute == 25) {
                rows.add(row(25, 100.25, 100.3, 100.2, 99.0, 5_000)); // the same minute again
            }
            if (minute == 30) {
                rows.add(good(29)); // out of order
                rows.add("20110309 145900;abc;1;1;1;100"); // unreadable
            }
        }
        Files.write(dir.resolve("nt-bad-minute-test.csv"), rows);
        // a second file of the same symbol that overlaps: it loads first, fills minute 10 and repeats minute 1
        Files.write(dir.resolve("nt-bad-minute-extra.csv"), List.of(good(1), good(10)));

        ReplayMarket market = new ReplayMarket(dir);
        List<Bar> served = market.intradayBars("BAD", SESSION, FIRST_BAR_END.plusSeconds(3600));

        BarIssueCounts counts = market.barIssues();
        assertThat(counts.count(BarIssue.ZERO_VOLUME)).isEqualTo(1);
        assertThat(counts.count(BarIssue.DUPLICATE_TIME)).isEqualTo(2); // minute 25 in the file, minute 1 across files
        assertThat(counts.count(BarIssue.OUT_OF_ORDER)).isEqualTo(1);
        assertThat(counts.count(BarIssue.NON_FINITE_PRICE)).isEqualTo(1);
        assertThat(counts.count(BarIssue.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(counts.count(BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE)).isEqualTo(1);
        assertThat(market.malformedRows()).isEqualTo(1);

        // 60 minutes less 11 (gap), 20 (zero volume), 29 (late), 35 (NaN) and 40 (negative): 55 bars
        assertThat(served).hasSize(55);
        for (int i = 1; i < served.size(); i++) {
            assertThat(served.get(i).time()).isAfter(served.get(i - 1).time());
        }
        assertThat(served).allSatisfy(bar -> {
            assertThat(bar.volume()).isPositive();
            assertThat(bar.low()).isPositive().isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
            assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
        });
        assertThat(served.stream().filter(b -> b.time().equals(minuteEnd(25))).findFirst().orElseThrow().close())
                .as("the first copy of a duplicated minute is kept, not the 99.0 repeat").isEqualTo(100.28);
        assertThat(served.stream().filter(b -> b.time().equals(minuteEnd(45))).findFirst().orElseThrow().high())
                .as("the repaired bar's high covers its open").isEqualTo(101.0);

        List<IndicatorSnapshot> series = IndicatorSet.computeSeries(served);
        IndicatorSnapshot last = series.get(series.size() - 1);
        assertThat(List.of(last.rsi(), last.macdLine(), last.atr(), last.bollingerLower(), last.vwap(), last.stochasticK(),
                last.relativeVolume(), last.score())).allMatch(Double::isFinite);
    }

    @Test
    void aCleanFileLoadsWithoutAnyIssue() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int minute = 1; minute <= 40; minute++) {
            rows.add(good(minute));
        }
        Files.write(dir.resolve("nt-ok-minute.csv"), rows);
        ReplayMarket market = new ReplayMarket(dir);
        assertThat(market.intradayBars("OK", SESSION, FIRST_BAR_END.plusSeconds(3600))).hasSize(40);
        assertThat(market.barIssues().checked()).isEqualTo(40);
        assertThat(market.barIssues().snapshot().values()).allMatch(count -> count == 0);
        assertThat(market.malformedRows()).isZero();
    }

    private static String good(int minute) {
        double price = 100 + 0.01 * minute + (minute % 3 == 0 ? -0.03 : 0.02);
        return row(minute, price, price + 0.05, price - 0.05, price + 0.01, 1_000 + 10L * minute);
    }

    private static String row(int minute, double open, double high, double low, double close, long volume) {
        return String.format(Locale.ROOT, "%s;%s;%s;%s;%s;%d", NT_TIME.format(minuteEnd(minute)), open, high, low, close, volume);
    }

    private static Instant minuteEnd(int minute) {
        return FIRST_BAR_END.plusSeconds(60L * (minute - 1));
    }
}
