package com.catalyst.technical;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Behaviour at the edges that the reference data never reaches. */
class IndicatorEdgeCasesTest {

    @Test
    void bollingerDeviationOfAFlatWindowIsExactlyZero() {
        BollingerBands bands = new BollingerBands(20, 2);
        for (int i = 0; i < 25; i++) {
            bands.update(100 + i);
        }
        for (int i = 0; i < 20; i++) {
            bands.update(132.35);
        }
        assertThat(bands.deviation()).isZero();
        assertThat(bands.upper()).isEqualTo(132.35);
        assertThat(bands.lower()).isEqualTo(132.35);
    }

    @Test
    void bollingerDeviationStaysAccurateAtHighPricesOverAMillionBars() {
        BollingerBands bands = new BollingerBands(20, 2);
        double[] window = new double[20];
        Random random = new Random(7);
        double price = 1_000_000;
        for (int i = 0; i < 1_000_000; i++) {
            price += random.nextGaussian() * 0.01;
            window[i % 20] = price;
            bands.update(price);
        }
        // two-pass population deviation of the final window
        double mean = 0;
        for (double value : window) {
            mean += value / 20;
        }
        double squares = 0;
        for (double value : window) {
            squares += (value - mean) * (value - mean);
        }
        double expected = Math.sqrt(squares / 20);
        assertThat(bands.deviation()).isCloseTo(expected, within(expected * 1e-6));
        assertThat(bands.middle()).isCloseTo(mean, within(1e-6));
    }

    @Test
    void simpleAverageForgetsAHugeValueExactlyOnceItLeavesTheWindow() {
        SimpleMovingAverage sma = new SimpleMovingAverage(4);
        sma.update(1e17);
        for (int i = 0; i < 8; i++) {
            sma.update(1.25);
        }
        // a plain running sum would have lost the small values to the 1e17 and kept its rounding error
        assertThat(sma.value()).isEqualTo(1.25);
    }

    @Test
    void stochasticKIsUndefinedOnAFlatRangeAndDRecoversThreeBarsLater() {
        StochasticOscillator stochastic = new StochasticOscillator(3, 3);
        stochastic.update(10, 10, 10);
        stochastic.update(10, 10, 10);
        assertThat(stochastic.k()).isNaN();
        stochastic.update(10, 10, 10);
        assertThat(stochastic.k()).isNaN();
        stochastic.update(12, 10, 11);
        assertThat(stochastic.k()).isEqualTo(50);
        stochastic.update(12, 9, 12);
        assertThat(stochastic.k()).isEqualTo(100);
        assertThat(stochastic.d()).as("the NaN %K is still in the %D window").isNaN();
        stochastic.update(13, 12, 9);
        assertThat(stochastic.k()).isEqualTo(0);
        assertThat(stochastic.d()).as("mean of 50, 100, 0").isEqualTo(50);
    }

    @Test
    void stochasticOfAKnownWindow() {
        StochasticOscillator stochastic = new StochasticOscillator(3, 2);
        stochastic.update(10, 8, 9);
        stochastic.update(11, 9, 10);
        assertThat(stochastic.k()).isNaN();
        stochastic.update(12, 10, 11.5);
        // highest high 12, lowest low 8
        assertThat(stochastic.k()).isEqualTo(87.5);
        assertThat(stochastic.d()).isNaN();
        stochastic.update(11, 7, 8);
        // window bars 2..4: highest 12, lowest 7
        assertThat(stochastic.k()).isEqualTo(20);
        assertThat(stochastic.d()).isEqualTo((87.5 + 20) / 2);
    }

    @Test
    void rsiIsHundredWithoutLossesAndZeroWithoutAnyChange() {
        RelativeStrengthIndex rising = new RelativeStrengthIndex(14);
        RelativeStrengthIndex flat = new RelativeStrengthIndex(14);
        for (int i = 0; i < 14; i++) {
            assertThat(rising.update(100 + i)).as("bar %d is warm-up", i).isNaN();
            flat.update(100);
        }
        assertThat(rising.update(114)).isEqualTo(100);
        assertThat(flat.update(100)).isEqualTo(0);
    }

    @Test
    void relativeVolumeDividesByTheMeanOfThePreviousBarsOnly() {
        RelativeVolume relativeVolume = new RelativeVolume(3);
        assertThat(relativeVolume.update(100)).isNaN();
        assertThat(relativeVolume.update(200)).isNaN();
        assertThat(relativeVolume.update(300)).isNaN();
        assertThat(relativeVolume.isReady()).isFalse();
        assertThat(relativeVolume.update(400)).isEqualTo(2.0);
        // previous three are now 200, 300, 400: mean 300
        assertThat(relativeVolume.update(150)).isEqualTo(0.5);
        assertThat(relativeVolume.isReady()).isTrue();
    }

    @Test
    void macdWarmsUpInStages() {
        MovingAverageConvergenceDivergence macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        for (int i = 1; i <= 34; i++) {
            macd.update(100 + Math.sin(i));
            assertThat(Double.isNaN(macd.line())).as("line at bar %d", i).isEqualTo(i < 26);
            assertThat(Double.isNaN(macd.signal())).as("signal at bar %d", i).isEqualTo(i < 34);
            assertThat(Double.isNaN(macd.histogram())).isEqualTo(i < 34);
        }
        assertThat(macd.histogram()).isEqualTo(macd.line() - macd.signal());
    }

    @Test
    void simpleAverageSeedWaitsForAFullPeriod() {
        ExponentialMovingAverage ema = ExponentialMovingAverage.ema(3, AverageSeed.SIMPLE_AVERAGE);
        assertThat(ema.update(1)).isNaN();
        assertThat(ema.update(2)).isNaN();
        assertThat(ema.update(6)).isEqualTo(3);
        assertThat(ema.update(7)).isEqualTo(5);
    }
}
