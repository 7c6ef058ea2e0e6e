package com.catalyst.technical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.InsufficientHistoryException;
import com.catalyst.market.MarketDataPort;

/**
 * The technical API's answer for one symbol: the indicator set runs over the whole session so far (so the first bar of
 * the window is already warmed up where the session allows) and the last {@code window} snapshots are returned.
 */
public final class TechnicalSeries {

    /** The longest window: one regular session of 1-minute bars. */
    public static final int MAX_WINDOW = 390;

    private final MarketDataPort market;
    private final IndicatorSettings settings;

    public TechnicalSeries(MarketDataPort market, IndicatorSettings settings) {
        this.market = market;
        this.settings = settings;
    }

    /**
     * @throws InsufficientHistoryException when the session has fewer bars than the window or than the signal score's
     *                                      warm-up (34 with the defaults), whichever is larger
     */
    public TechnicalSeriesResponse of(String symbol, LocalDate session, Instant asOf, int window, double rsiLow, double rsiHigh) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be between 1 and " + MAX_WINDOW + ", got " + window);
        }
        List<Bar> bars = market.intradayBars(symbol, session, asOf);
        InsufficientHistoryException.requireBars(bars.size(), Math.max(window, settings.signalWarmUpBars()));
        List<IndicatorSnapshot> snapshots = IndicatorSet.computeSeries(bars, settings);
        List<TechnicalPoint> series = new ArrayList<>(window);
        for (int i = bars.size() - window; i < bars.size(); i++) {
            series.add(TechnicalPoint.of(bars.get(i), snapshots.get(i)));
        }
        TechnicalReading latest = TechnicalStage.reading(symbol, snapshots.get(snapshots.size() - 1), rsiLow, rsiHigh);
        return new TechnicalSeriesResponse(symbol, session, asOf, window, bars.size(), latest, series);
    }
}
