package com.catalyst.technical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;

/**
 * The technical step of the cycle: indicators on each candidate's session bars, the signal score of the earlier
 * implementation (start at 50; RSI, MACD, Bollinger, SMA20, stochastic and volume points), and the mode's filter.
 */
public final class TechnicalStage {

    /** MACD(12,26,9) needs 26 + 9 bars before its signal means anything. */
    static final int MIN_BARS = 35;

    private final MarketDataPort market;

    public TechnicalStage(MarketDataPort market) {
        this.market = market;
    }

    public TechnicalResponse analyze(TechnicalRequest request) {
        List<TechnicalReading> readings = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String symbol : request.symbols()) {
            List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
            if (bars.size() < MIN_BARS) {
                skipped.put(symbol, "not enough bars (have " + bars.size() + ", need " + MIN_BARS + ")");
                continue;
            }
            readings.add(read(symbol, bars, request.rsiLow(), request.rsiHigh()));
        }
        return new TechnicalResponse(request.cycleId(), readings, skipped);
    }

    static TechnicalReading read(String symbol, List<Bar> bars, double rsiLow, double rsiHigh) {
        int n = bars.size();
        double[] close = bars.stream().mapToDouble(Bar::close).toArray();
        double price = close[n - 1];
        double rsi = rsi(close, 14);
        double[] ema12 = ema(close, 12);
        double[] ema26 = ema(close, 26);
        double[] macdLine = new double[n];
        for (int i = 0; i < n; i++) {
            macdLine[i] = ema12[i] - ema26[i];
        }
        double[] signalLine = ema(macdLine, 9);
        double macd = macdLine[n - 1];
        double macdSignal = signalLine[n - 1];
        double sma20 = mean(close, n - 20, n);
        double sd = Math.sqrt(variance(close, n - 20, n, sma20));
        double upper = sma20 + 2 * sd;
        double lower = sma20 - 2 * sd;
        double atr = atr(bars, 14);
        double[] stoch = stochastic(bars, 14, 3);
        double vwap = vwap(bars);
        double volumeRatio = volumeRatio(bars, 20);

        double score = 50;
        if (rsi < 30) score += 20; else if (rsi > 70) score -= 20;
        score += macd > macdSignal ? 15 : -15;
        if (price < lower) score += 15; else if (price > upper) score -= 15;
        score += price > sma20 ? 10 : -10;
        if (stoch[0] < 20) score += 10; else if (stoch[0] > 80) score -= 10;
        if (volumeRatio > 1.5) score += 5;
        score = Math.max(0, Math.min(100, score));
        String signal = score >= 70 ? "BUY" : score <= 30 ? "SELL" : "HOLD";

        String reason;
        boolean passed;
        if (rsi < rsiLow || rsi > rsiHigh) {
            passed = false;
            reason = String.format(java.util.Locale.ROOT, "RSI %.1f outside %.0f–%.0f", rsi, rsiLow, rsiHigh);
        } else if (macd <= macdSignal) {
            passed = false;
            reason = "MACD not above its signal";
        } else {
            passed = true;
            reason = "RSI in band and MACD above signal";
        }
        return new TechnicalReading(symbol, bars.get(n - 1).time(), price, rsi, macd, macdSignal, macd - macdSignal, sma20,
                ema(close, 9)[n - 1], ema(close, 21)[n - 1], atr, upper, sma20, lower, vwap, stoch[0], stoch[1], volumeRatio,
                score, signal, passed, reason);
    }

    static double[] ema(double[] x, int period) {
        double k = 2.0 / (period + 1);
        double[] out = new double[x.length];
        out[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            out[i] = out[i - 1] + k * (x[i] - out[i - 1]);
        }
        return out;
    }

    /** Wilder's RSI, averages seeded with the first change. */
    static double rsi(double[] close, int period) {
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < close.length; i++) {
            double change = close[i] - close[i - 1];
            double up = Math.max(change, 0);
            double down = Math.max(-change, 0);
            if (i == 1) {
                gain = up;
                loss = down;
            } else {
                gain = (gain * (period - 1) + up) / period;
                loss = (loss * (period - 1) + down) / period;
            }
        }
        if (loss == 0) {
            return gain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    static double atr(List<Bar> bars, int period) {
        double atr = bars.get(0).high() - bars.get(0).low();
        for (int i = 1; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double prev = bars.get(i - 1).close();
            double tr = Math.max(b.high() - b.low(), Math.max(Math.abs(b.high() - prev), Math.abs(b.low() - prev)));
            atr = (atr * (period - 1) + tr) / period;
        }
        return atr;
    }

    /** %K over {@code period} bars and %D, its {@code smooth}-bar average. */
    static double[] stochastic(List<Bar> bars, int period, int smooth) {
        int n = bars.size();
        double sumK = 0;
        double lastK = Double.NaN;
        for (int end = n - smooth; end < n; end++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = Math.max(0, end - period + 1); i <= end; i++) {
                hi = Math.max(hi, bars.get(i).high());
                lo = Math.min(lo, bars.get(i).low());
            }
            lastK = hi == lo ? 50 : (bars.get(end).close() - lo) / (hi - lo) * 100;
            sumK += lastK;
        }
        return new double[] {lastK, sumK / smooth};
    }

    static double vwap(List<Bar> bars) {
        double pv = 0;
        double v = 0;
        for (Bar b : bars) {
            pv += b.typicalPrice() * b.volume();
            v += b.volume();
        }
        return v == 0 ? Double.NaN : pv / v;
    }

    static double volumeRatio(List<Bar> bars, int period) {
        int n = bars.size();
        double sum = 0;
        int count = 0;
        for (int i = Math.max(0, n - 1 - period); i < n - 1; i++) {
            sum += bars.get(i).volume();
            count++;
        }
        return count == 0 || sum == 0 ? Double.NaN : bars.get(n - 1).volume() / (sum / count);
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    private static double variance(double[] x, int from, int to, double mean) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (x[i] - mean) * (x[i] - mean);
        }
        return s / (to - from);
    }
}
