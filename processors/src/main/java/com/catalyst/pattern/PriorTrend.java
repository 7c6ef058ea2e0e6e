package com.catalyst.pattern;

/**
 * The context rule of the reversal candlesticks: a bullish reversal needs something to reverse, so the
 * view's close must have fallen at least {@value #MIN_MOVE} typical range over the {@value #BARS} bars
 * before the pattern's first candle (close to close). Bearish patterns get the same rule on the
 * bearish view, i.e. a prior rise.
 */
final class PriorTrend {

    static final int BARS = 5;
    static final double MIN_MOVE = 1.0;

    private PriorTrend() {
    }

    /** Fall of the view's close into {@code firstCandle}, in typical ranges (NaN if the window is too short). */
    static double declineInto(OrientedSeries s, int firstCandle, double typical) {
        int end = firstCandle - 1;
        int start = end - BARS;
        if (start < 0) {
            return Double.NaN;
        }
        return (s.close(start) - s.close(end)) / typical;
    }

    static boolean isDeclineInto(OrientedSeries s, int firstCandle, double typical) {
        return declineInto(s, firstCandle, typical) >= MIN_MOVE;
    }

    /** 0 at the minimum decline, 1 at three typical ranges. */
    static double score(OrientedSeries s, int firstCandle, double typical) {
        return FitScore.ramp(declineInto(s, firstCandle, typical), MIN_MOVE, 3.0);
    }
}
