package com.catalyst.technical;

import com.catalyst.market.Bar;
import com.catalyst.market.InsufficientHistoryException;
import com.catalyst.technical.reference.DataSetSeries;
import com.catalyst.technical.reference.NamedSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming updates give, bar for bar, what a batch over the same window gives. */
class IncrementalMatchesBatchTest {

    static List<NamedSeries> allSeries() {
        return DataSetSeries.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSeries")
    void streamingSnapshotsEqualTheBatchSeriesOnEveryBar(NamedSeries named) {
        List<IndicatorSnapshot> batch = IndicatorSet.computeSeries(named.bars());
        IndicatorSet streaming = new IndicatorSet();
        for (int i = 0; i < named.bars().size(); i++) {
            streaming.update(named.bars().get(i));
            // record equality compares doubles with Double.compare, so NaN equals NaN and 0.0 differs from -0.0
            assertThat(streaming.snapshot()).as("bar %d", i).isEqualTo(batch.get(i));
        }
        assertThat(batch.get(batch.size() - 1).isSignalReady()).isTrue();
    }

    @Test
    void aBatchOverAnyPrefixEndsWhereTheStreamIsAtThatBar() {
        List<Bar> bars = DataSetSeries.ta4jAapl().bars();
        IndicatorSet streaming = new IndicatorSet();
        int need = IndicatorSettings.defaults().signalWarmUpBars();
        for (int end = 1; end <= bars.size(); end++) {
            streaming.update(bars.get(end - 1));
            if (end >= need) {
                List<IndicatorSnapshot> recomputed = IndicatorSet.computeSeries(bars.subList(0, end));
                assertThat(recomputed.get(end - 1)).as("prefix of %d bars", end).isEqualTo(streaming.snapshot());
            }
        }
    }

    @Test
    void readingASnapshotDoesNotChangeTheState() {
        List<Bar> bars = DataSetSeries.ta4jAapl().bars();
        IndicatorSet readOften = new IndicatorSet();
        IndicatorSet readOnce = new IndicatorSet();
        for (Bar bar : bars) {
            readOften.update(bar);
            readOften.snapshot();
            readOften.snapshot();
            readOnce.update(bar);
        }
        assertThat(readOften.snapshot()).isEqualTo(readOnce.snapshot());
    }

    @Test
    void aWindowTooShortForTheSignalSaysHowManyBarsItHasAndNeeds() {
        List<Bar> bars = DataSetSeries.ta4jAapl().bars().subList(0, 20);
        assertThatThrownBy(() -> IndicatorSet.computeSeries(bars))
                .isInstanceOf(InsufficientHistoryException.class)
                .hasMessage("not enough bars (have 20, need 34)")
                .satisfies(e -> {
                    assertThat(((InsufficientHistoryException) e).have()).isEqualTo(20);
                    assertThat(((InsufficientHistoryException) e).need()).isEqualTo(34);
                });
    }
}
