package com.catalyst.technical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import com.catalyst.market.Bar;
import com.catalyst.market.FakeMarketData;

class TechnicalStageTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 3, 10);
    private static final Instant OPEN = Instant.parse("2026-03-10T13:30:00Z");

    private static Instant afterBars(int n) {
        return OPEN.plusSeconds(60L * n);
    }

    private static List<Bar> bars(int count, IntToDoubleFunction close) {
        List<Bar> bars = new ArrayList<>();
        double previous = close.applyAsDouble(0);
        for (int i = 0; i < count; i++) {
            double c = close.applyAsDouble(i);
            bars.add(new Bar(afterBars(i + 1), previous, Math.max(previous, c) + 0.05, Math.min(previous, c) - 0.05, c, 1_000 + 37L * (i % 11)));
            previous = c;
        }
        return bars;
    }

    /** An uneven uptrend: up most minutes, down some. */
    private static double wavyUp(int i) {
        return 50 + 0.05 * i + 0.4 * Math.sin(i / 3.0);
    }

    private static FakeMarketData market(List<Bar> bars) {
        return new FakeMarketData(SESSION).add("AAA", bars, List.of());
    }

    private static TechnicalRequest at(int bars, double rsiLow, double rsiHigh) {
        return new TechnicalRequest("c", SESSION, afterBars(bars), List.of("AAA"), rsiLow, rsiHigh);
    }

    private static TechnicalReading only(TechnicalResponse response) {
        assertThat(response.readings()).hasSize(1);
        return response.readings().get(0);
    }

    @Test
    void tooFewBarsAreSkippedWithHaveAndNeed() {
        TechnicalStage stage = new TechnicalStage(market(bars(120, TechnicalStageTest::wavyUp)));
        int need = IndicatorSettings.defaults().signalWarmUpBars();
        TechnicalResponse response = stage.analyze(at(20, 30, 70));
        assertThat(response.readings()).isEmpty();
        assertThat(response.skipped()).containsEntry("AAA", "not enough bars (have 20, need " + need + ")");

        assertThat(stage.analyze(at(need - 1, 0, 100)).skipped()).containsKey("AAA");
        assertThat(stage.analyze(at(need, 0, 100)).readings()).hasSize(1);
    }

    @Test
    void aSymbolWithoutBarsIsSkippedToo() {
        TechnicalStage stage = new TechnicalStage(market(bars(120, TechnicalStageTest::wavyUp)));
        TechnicalResponse response = stage.analyze(new TechnicalRequest("c", SESSION, afterBars(120), List.of("AAA", "NONE"), 0, 100));
        assertThat(response.readings()).extracting(TechnicalReading::symbol).containsExactly("AAA");
        assertThat(response.skipped()).containsEntry("NONE", "not enough bars (have 0, need 34)");
    }

    @Test
    void keptStateGivesTheSameReadingAsAFreshStage() {
        FakeMarketData market = market(bars(150, TechnicalStageTest::wavyUp));
        TechnicalStage incremental = new TechnicalStage(market);
        TechnicalReading t1 = only(incremental.analyze(at(60, 0, 100)));
        TechnicalReading t2 = only(incremental.analyze(at(150, 0, 100)));

        assertThat(t1.barTime()).isEqualTo(afterBars(60));
        assertThat(t2.barTime()).isEqualTo(afterBars(150));
        assertThat(t2).isEqualTo(only(new TechnicalStage(market).analyze(at(150, 0, 100))));
        assertThat(t1).isEqualTo(only(new TechnicalStage(market).analyze(at(60, 0, 100))));
        assertThat(t2).isNotEqualTo(t1);
    }

    @Test
    void askingTheSameInstantTwiceGivesTheSameReading() {
        TechnicalStage stage = new TechnicalStage(market(bars(100, TechnicalStageTest::wavyUp)));
        assertThat(only(stage.analyze(at(80, 0, 100)))).isEqualTo(only(stage.analyze(at(80, 0, 100))));
    }

    @Test
    void anEarlierInstantAfterALaterOneGivesTheEarlierReadingAndKeepsTheLiveState() {
        FakeMarketData market = market(bars(150, TechnicalStageTest::wavyUp));
        TechnicalStage stage = new TechnicalStage(market);
        stage.analyze(at(120, 0, 100));
        TechnicalReading earlier = only(stage.analyze(at(70, 0, 100)));
        assertThat(earlier).isEqualTo(only(new TechnicalStage(market).analyze(at(70, 0, 100))));
        assertThat(earlier.barTime()).isEqualTo(afterBars(70));
        // and going forward again continues from the live state, not from the earlier answer
        assertThat(only(stage.analyze(at(150, 0, 100)))).isEqualTo(only(new TechnicalStage(market).analyze(at(150, 0, 100))));
    }

    @Test
    void anRsiOutsideTheBandFailsWithTheReason() {
        // rises every minute: RSI 100
        TechnicalStage stage = new TechnicalStage(market(bars(80, i -> 50 + 0.1 * i)));
        TechnicalReading reading = only(stage.analyze(at(80, 30, 70)));
        assertThat(reading.rsi()).isGreaterThan(70);
        assertThat(reading.passed()).isFalse();
        assertThat(reading.reason()).isEqualTo("RSI 100.0 outside 30–70");
    }

    @Test
    void aMacdBelowItsSignalFailsWithTheReason() {
        // a long rise, then a turn down: the MACD line drops under its signal
        TechnicalStage stage = new TechnicalStage(market(bars(100, i -> i < 70 ? 50 + 0.1 * i + 0.05 * Math.sin(i) : 57 - 0.08 * (i - 70))));
        TechnicalReading reading = only(stage.analyze(at(100, 0, 100)));
        assertThat(reading.macd()).isLessThan(reading.macdSignal());
        assertThat(reading.passed()).isFalse();
        assertThat(reading.reason()).isEqualTo("MACD not above its signal");
    }

    @Test
    void anRsiInTheBandWithMacdAboveItsSignalPasses() {
        // flat, then an uneven climb: momentum building
        TechnicalStage stage = new TechnicalStage(market(bars(100, i -> i < 60 ? 50 + 0.2 * Math.sin(i) : 50 + 0.03 * (i - 60) + 0.08 * Math.sin(i))));
        TechnicalReading reading = only(stage.analyze(at(100, 0, 100)));
        assertThat(reading.macd()).isGreaterThan(reading.macdSignal());
        assertThat(reading.passed()).isTrue();
        assertThat(reading.reason()).isEqualTo("RSI in band and MACD above signal");
        assertThat(reading.price()).isEqualTo(50 + 0.03 * 39 + 0.08 * Math.sin(99));
    }
}
