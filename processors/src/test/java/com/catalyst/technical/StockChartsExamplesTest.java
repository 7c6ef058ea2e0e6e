package com.catalyst.technical;

import com.catalyst.technical.reference.DataSetSeries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The StockCharts and NinjaTrader worked examples kept by pyalgotrade (data/reference/pyalgotrade): Input,Expected
 * rows, Expected empty during the warm-up. The published values are rounded, so each check allows half a unit in
 * the last published decimal. StockCharts seeds its EMA and RSI with simple averages, so those two use
 * {@link AverageSeed#SIMPLE_AVERAGE} here; the scanner's defaults stay on ta4j's first-value seed.
 */
class StockChartsExamplesTest {

    @Test
    void stockChartsSma10() throws IOException {
        SimpleMovingAverage sma = new SimpleMovingAverage(10);
        assertExample("sc-sma-10.csv", sma::update, 0.005);
    }

    @Test
    void ninjaTraderSma15() throws IOException {
        SimpleMovingAverage sma = new SimpleMovingAverage(15);
        assertExample("nt-sma-15.csv", sma::update, 1e-9);
    }

    @Test
    void stockChartsEma10SeededWithSimpleAverage() throws IOException {
        ExponentialMovingAverage ema = ExponentialMovingAverage.ema(10, AverageSeed.SIMPLE_AVERAGE);
        assertExample("sc-ema-10.csv", ema::update, 0.000005);
    }

    @Test
    void stockChartsRsi14SeededWithSimpleAverages() throws IOException {
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(14, AverageSeed.SIMPLE_AVERAGE);
        assertExample("rsi-test.csv", rsi::update, 0.000000005);
    }

    /** Ours must be NaN exactly where Expected is empty and within {@code halfUnit} of it elsewhere. */
    private static void assertExample(String file, DoubleUnaryOperator indicator, double halfUnit) throws IOException {
        List<String> lines = Files.readAllLines(DataSetSeries.dataDir().resolve("reference/pyalgotrade/" + file));
        assertThat(lines.get(0)).isEqualTo("Input,Expected");
        Agreement agreement = new Agreement(file, 1e-12, halfUnit + 1e-12);
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).strip().split(",", -1);
            double ours = indicator.applyAsDouble(Double.parseDouble(fields[0]));
            if (fields[1].isEmpty()) {
                agreement.expectWarmingUp(file, i - 1, ours);
            } else {
                agreement.expect(file, i - 1, ours, Double.parseDouble(fields[1]));
            }
        }
        agreement.assertAgreed();
        assertThat(agreement.compared(file)).isGreaterThan(15);
    }
}
