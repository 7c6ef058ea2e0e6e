package com.catalyst.technical;

import com.catalyst.market.Bar;
import com.catalyst.technical.reference.DataSetSeries;
import com.catalyst.technical.reference.NamedSeries;
import com.catalyst.technical.reference.Ta4jSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator ta4j 0.17 also has, on every bar of every series in data/, agrees with ta4j (DoubleNum) to
 * 1e-9 relative with a 1e-9 absolute floor once out of warm-up, and is NaN during warm-up.
 */
class Ta4jAgreementTest {

    private static final IndicatorSettings SETTINGS = IndicatorSettings.defaults();

    static List<NamedSeries> allSeries() {
        return DataSetSeries.all();
    }

    @Test
    void theDataSetHasEverySeries() {
        List<NamedSeries> all = allSeries();
        assertThat(all).hasSize(30 + 2 + 5 + 1);
        assertThat(all).allSatisfy(series -> assertThat(series.bars()).hasSizeGreaterThan(240));
        assertThat(all.stream().mapToInt(series -> series.bars().size()).sum()).isGreaterThan(70_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSeries")
    void agreesWithTa4jOnEveryBar(NamedSeries named) {
        List<Bar> bars = named.bars();
        Map<String, Reference> references = references(Ta4jSeries.of(named.name(), bars));
        Agreement agreement = Agreement.toNineDigits(named.name());
        IndicatorSet set = new IndicatorSet(SETTINGS);
        for (int i = 0; i < bars.size(); i++) {
            set.update(bars.get(i));
            IndicatorSnapshot snapshot = set.snapshot();
            for (Map.Entry<String, Reference> entry : references.entrySet()) {
                Reference reference = entry.getValue();
                double ours = reference.ours().applyAsDouble(snapshot);
                if (i < reference.firstReadyIndex()) {
                    agreement.expectWarmingUp(entry.getKey(), i, ours);
                } else {
                    agreement.expect(entry.getKey(), i, ours, reference.ta4j().getValue(i).doubleValue());
                }
            }
        }
        agreement.assertAgreed();
        assertThat(agreement.compared("MACD histogram")).isEqualTo(bars.size() - 33);
        assertThat(agreement.compared("Stochastic %D")).isEqualTo(bars.size() - 15);
    }

    /** An indicator of ours, its ta4j counterpart, and the first bar index at which ours has a value. */
    private record Reference(ToDoubleFunction<IndicatorSnapshot> ours, Indicator<Num> ta4j, int firstReadyIndex) {
    }

    private static Map<String, Reference> references(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Map<String, Reference> references = new LinkedHashMap<>();
        for (int period : SETTINGS.smaPeriods()) {
            references.put("SMA(" + period + ")", new Reference(s -> s.sma(period), new SMAIndicator(close, period), period - 1));
        }
        for (int period : SETTINGS.emaPeriods()) {
            references.put("EMA(" + period + ")", new Reference(s -> s.ema(period), new EMAIndicator(close, period), period - 1));
        }
        references.put("RSI(14)", new Reference(IndicatorSnapshot::rsi, new RSIIndicator(close, 14), 14));
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        references.put("MACD line", new Reference(IndicatorSnapshot::macdLine, macd, 25));
        references.put("MACD signal", new Reference(IndicatorSnapshot::macdSignal, macd.getSignalLine(9), 33));
        references.put("MACD histogram", new Reference(IndicatorSnapshot::macdHistogram, macd.getHistogram(9), 33));
        references.put("ATR(14)", new Reference(IndicatorSnapshot::atr, new ATRIndicator(series, 14), 13));
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
        Num two = series.numOf(2);
        references.put("Bollinger middle", new Reference(IndicatorSnapshot::bollingerMiddle, middle, 19));
        references.put("Bollinger upper", new Reference(IndicatorSnapshot::bollingerUpper,
                new BollingerBandsUpperIndicator(middle, deviation, two), 19));
        references.put("Bollinger lower", new Reference(IndicatorSnapshot::bollingerLower,
                new BollingerBandsLowerIndicator(middle, deviation, two), 19));
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, 14);
        references.put("Stochastic %K", new Reference(IndicatorSnapshot::stochasticK, k, 13));
        references.put("Stochastic %D", new Reference(IndicatorSnapshot::stochasticD, new StochasticOscillatorDIndicator(k), 15));
        return references;
    }
}
