package com.catalyst.reporting.chart;

import java.util.ArrayList;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.technical.ExponentialMovingAverage;
import com.catalyst.technical.SessionVwap;
import com.catalyst.technical.SimpleMovingAverage;

/**
 * The lines drawn over the candles, computed with the pipeline's own indicators so that the chart shows what the
 * technical bundle read: session VWAP, EMA 9, EMA 21 and SMA 20 of the closes. A value is NaN until its indicator is ready.
 */
public record ChartOverlays(List<Double> vwap, List<Double> ema9, List<Double> ema21, List<Double> sma20) {

    public static ChartOverlays of(List<Bar> bars) {
        SessionVwap vwap = new SessionVwap(TradingClock.EXCHANGE_ZONE);
        ExponentialMovingAverage ema9 = ExponentialMovingAverage.ema(9);
        ExponentialMovingAverage ema21 = ExponentialMovingAverage.ema(21);
        SimpleMovingAverage sma20 = new SimpleMovingAverage(20);
        List<Double> v = new ArrayList<>(bars.size());
        List<Double> e9 = new ArrayList<>(bars.size());
        List<Double> e21 = new ArrayList<>(bars.size());
        List<Double> s20 = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            v.add(vwap.update(bar));
            ema9.update(bar.close());
            ema21.update(bar.close());
            sma20.update(bar.close());
            e9.add(ema9.isReady() ? ema9.value() : Double.NaN);
            e21.add(ema21.isReady() ? ema21.value() : Double.NaN);
            s20.add(sma20.isReady() ? sma20.value() : Double.NaN);
        }
        return new ChartOverlays(v, e9, e21, s20);
    }
}
