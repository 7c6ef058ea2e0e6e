package com.catalyst.technical;

import com.catalyst.market.Bar;
import com.catalyst.market.InsufficientHistoryException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * All indicators of one symbol, updated bar by bar in O(1) each; {@link #snapshot()} reads the latest values.
 * <p>
 * Bars must arrive in strictly increasing time order (run them through {@code BarSanitizer} first); the set keeps
 * no bar history, only each indicator's own primitive state. Not thread-safe: one symbol, one writer.
 */
public final class IndicatorSet {

    private final IndicatorSettings settings;
    private final SimpleMovingAverage[] simpleAverages;
    private final ExponentialMovingAverage[] exponentialAverages;
    private final RelativeStrengthIndex rsi;
    private final MovingAverageConvergenceDivergence macd;
    private final AverageTrueRange atr;
    private final BollingerBands bollinger;
    private final StochasticOscillator stochastic;
    private final SessionVwap vwap;
    private final RelativeVolume relativeVolume;
    private Instant lastTime;
    private double lastClose = Double.NaN;
    private long barCount;

    public IndicatorSet() {
        this(IndicatorSettings.defaults());
    }

    public IndicatorSet(IndicatorSettings settings) {
        this.settings = settings;
        this.simpleAverages = settings.smaPeriods().stream().map(SimpleMovingAverage::new)
                .toArray(SimpleMovingAverage[]::new);
        this.exponentialAverages = settings.emaPeriods().stream().map(ExponentialMovingAverage::ema)
                .toArray(ExponentialMovingAverage[]::new);
        this.rsi = new RelativeStrengthIndex(settings.rsiPeriod());
        this.macd = new MovingAverageConvergenceDivergence(settings.macdFast(), settings.macdSlow(), settings.macdSignal());
        this.atr = new AverageTrueRange(settings.atrPeriod());
        this.bollinger = new BollingerBands(settings.bollingerPeriod(), settings.bollingerWidth());
        this.stochastic = new StochasticOscillator(settings.stochasticK(), settings.stochasticD());
        this.vwap = new SessionVwap(settings.sessionZone());
        this.relativeVolume = new RelativeVolume(settings.relativeVolumeLookback());
    }

    /**
     * Feeds the next bar to every indicator.
     *
     * @throws IllegalArgumentException if the bar is not later than the previous one
     */
    public void update(Bar bar) {
        if (lastTime != null && !bar.time().isAfter(lastTime)) {
            throw new IllegalArgumentException("bar at " + bar.time() + " is not after the previous bar at " + lastTime);
        }
        double close = bar.close();
        for (SimpleMovingAverage average : simpleAverages) {
            average.update(close);
        }
        for (ExponentialMovingAverage average : exponentialAverages) {
            average.update(close);
        }
        rsi.update(close);
        macd.update(close);
        atr.update(bar.high(), bar.low(), close);
        bollinger.update(close);
        stochastic.update(bar.high(), bar.low(), close);
        vwap.update(bar);
        relativeVolume.update(bar.volume());
        lastTime = bar.time();
        lastClose = close;
        barCount++;
    }

    /**
     * The latest values.
     *
     * @throws IllegalStateException before the first bar
     */
    public IndicatorSnapshot snapshot() {
        if (barCount == 0) {
            throw new IllegalStateException("no bar yet");
        }
        // the score's SMA20 rule reads the Bollinger middle band, so it never depends on the configured SMAs
        SignalScore score = barCount >= settings.signalWarmUpBars()
                ? SignalScore.of(new SignalInputs(lastClose, rsi.value(), macd.line(), macd.signal(),
                        bollinger.lower(), bollinger.upper(), bollinger.middle(), stochastic.k(), relativeVolume.value()))
                : SignalScore.NOT_READY;
        return new IndicatorSnapshot(lastTime, lastClose, barCount,
                averages(settings.smaPeriods(), simpleAverages), averages(settings.emaPeriods(), exponentialAverages),
                rsi.value(), macd.line(), macd.signal(), macd.histogram(), atr.value(),
                bollinger.upper(), bollinger.middle(), bollinger.lower(), stochastic.k(), stochastic.d(),
                vwap.value(), relativeVolume.value(), score.value(), score.signal());
    }

    public long barCount() {
        return barCount;
    }

    public IndicatorSettings settings() {
        return settings;
    }

    /** The snapshot after each bar of a window, oldest first, with the default settings. */
    public static List<IndicatorSnapshot> computeSeries(List<Bar> bars) {
        return computeSeries(bars, IndicatorSettings.defaults());
    }

    /**
     * The snapshot after each bar of a window, oldest first; values still warming up are NaN.
     *
     * @throws InsufficientHistoryException if the window is too short for the signal score to be computed once
     */
    public static List<IndicatorSnapshot> computeSeries(List<Bar> bars, IndicatorSettings settings) {
        InsufficientHistoryException.requireBars(bars.size(), settings.signalWarmUpBars());
        IndicatorSet set = new IndicatorSet(settings);
        List<IndicatorSnapshot> series = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            set.update(bar);
            series.add(set.snapshot());
        }
        return series;
    }

    // List.of over a fresh array: already immutable, so the snapshot's List.copyOf does not copy it again
    private static List<MovingAverageValue> averages(List<Integer> periods, SimpleMovingAverage[] averages) {
        MovingAverageValue[] values = new MovingAverageValue[averages.length];
        for (int i = 0; i < averages.length; i++) {
            values[i] = new MovingAverageValue(periods.get(i), averages[i].value());
        }
        return List.of(values);
    }

    private static List<MovingAverageValue> averages(List<Integer> periods, ExponentialMovingAverage[] averages) {
        MovingAverageValue[] values = new MovingAverageValue[averages.length];
        for (int i = 0; i < averages.length; i++) {
            values[i] = new MovingAverageValue(periods.get(i), averages[i].value());
        }
        return List.of(values);
    }
}
