package com.catalyst.technical;

import com.catalyst.market.Bar;
import com.catalyst.technical.reference.DataSetSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorSetTest {

    private final List<Bar> bars = DataSetSeries.ta4jAapl().bars();

    @Test
    void theScoreIsNotReadyUntilAllItsInputsAre() {
        IndicatorSet set = new IndicatorSet();
        for (int i = 0; i < 33; i++) {
            set.update(bars.get(i));
            IndicatorSnapshot snapshot = set.snapshot();
            assertThat(snapshot.score()).isNaN();
            assertThat(snapshot.signal()).isEqualTo(Signal.HOLD);
            assertThat(snapshot.isSignalReady()).isFalse();
        }
        set.update(bars.get(33));
        IndicatorSnapshot ready = set.snapshot();
        assertThat(ready.isSignalReady()).isTrue();
        assertThat(ready.score()).isBetween(0.0, 100.0);
        assertThat(ready.sma(200)).as("long averages may still be warming up").isNaN();
        assertThat(ready.barCount()).isEqualTo(34);
        assertThat(ready.time()).isEqualTo(bars.get(33).time());
        assertThat(ready.close()).isEqualTo(bars.get(33).close());
    }

    @Test
    void theScoreIsTheRulesAppliedToTheSnapshotValues() {
        for (IndicatorSnapshot s : IndicatorSet.computeSeries(bars).subList(33, bars.size())) {
            SignalScore expected = SignalScore.of(new SignalInputs(s.close(), s.rsi(), s.macdLine(), s.macdSignal(),
                    s.bollingerLower(), s.bollingerUpper(), s.bollingerMiddle(), s.stochasticK(), s.relativeVolume()));
            assertThat(s.score()).isEqualTo(expected.value());
            assertThat(s.signal()).isEqualTo(expected.signal());
        }
    }

    @Test
    void averagePeriodsAreConfigurable() {
        IndicatorSettings settings = IndicatorSettings.defaults().withAveragePeriods(List.of(5), List.of(3, 7));
        IndicatorSet set = new IndicatorSet(settings);
        SimpleMovingAverage sma5 = new SimpleMovingAverage(5);
        ExponentialMovingAverage ema7 = ExponentialMovingAverage.ema(7);
        for (Bar bar : bars.subList(0, 10)) {
            set.update(bar);
            sma5.update(bar.close());
            ema7.update(bar.close());
        }
        IndicatorSnapshot snapshot = set.snapshot();
        assertThat(snapshot.sma(5)).isEqualTo(sma5.value());
        assertThat(snapshot.ema(7)).isEqualTo(ema7.value());
        assertThat(snapshot.ema()).extracting(MovingAverageValue::period).containsExactly(3, 7);
        assertThatThrownBy(() -> snapshot.sma(20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultWarmUps() {
        assertThat(IndicatorSettings.defaults().signalWarmUpBars()).isEqualTo(34);
        assertThat(IndicatorSettings.defaults().fullWarmUpBars()).isEqualTo(200);
    }

    @Test
    void rejectsABarThatIsNotLaterThanThePreviousOne() {
        IndicatorSet set = new IndicatorSet();
        set.update(bars.get(1));
        assertThatThrownBy(() -> set.update(bars.get(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.update(bars.get(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(set.barCount()).isEqualTo(1);
    }

    @Test
    void hasNoSnapshotBeforeTheFirstBar() {
        assertThatThrownBy(() -> new IndicatorSet().snapshot()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void snapshotsAreImmutable() {
        IndicatorSet set = new IndicatorSet();
        set.update(new Bar(Instant.parse("2024-01-02T14:31:00Z"), 10, 11, 9, 10.5, 100));
        IndicatorSnapshot snapshot = set.snapshot();
        assertThatThrownBy(() -> snapshot.sma().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
