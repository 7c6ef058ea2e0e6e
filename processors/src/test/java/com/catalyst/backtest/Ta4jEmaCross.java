package com.catalyst.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.market.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.AbstractRule;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The cross-check strategy in ta4j 0.17, one session's series at a time (Catalyst's indicators restart each session):
 * enter when EMA fast crosses above EMA slow (not on the session's last bar); exit when it crosses back below, when
 * the close reaches the stop or the target fixed at entry, or on the session's last bar. Trades execute at the signal
 * bar's close ({@link TradeOnCurrentCloseModel}), with ta4j's zero cost model, one unit each. The stop and target are
 * computed as Catalyst's risk manager does for the proposal: stop = entry − multiple × ATR(entry bar), rounded down to
 * the cent; target = entry + reward-to-risk × (entry − stop), rounded up to the cent.
 */
public final class Ta4jEmaCross {

    /** One round trip: session-relative bar indices and prices. */
    public record Trip(int entryIndex, double entryPrice, int exitIndex, double exitPrice) {
    }

    private final int fast;
    private final int slow;
    private final int atrPeriod;
    private final double multiple;
    private final double rewardToRisk;

    public Ta4jEmaCross(int fast, int slow, int atrPeriod, double multiple, double rewardToRisk) {
        this.fast = fast;
        this.slow = slow;
        this.atrPeriod = atrPeriod;
        this.multiple = multiple;
        this.rewardToRisk = rewardToRisk;
    }

    public static BarSeries series(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (Bar bar : bars) {
            series.addBar(bar.time().atZone(ZoneOffset.UTC), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        }
        return series;
    }

    /** Runs the strategy over one session's series. */
    public List<Trip> run(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator fastEma = new EMAIndicator(close, fast);
        EMAIndicator slowEma = new EMAIndicator(close, slow);
        ATRIndicator atr = new ATRIndicator(series, atrPeriod);
        int last = series.getEndIndex();
        Rule notLastBar = new AbstractRule() {
            @Override
            public boolean isSatisfied(int index, TradingRecord record) {
                return index < last;
            }
        };
        Rule lastBar = new AbstractRule() {
            @Override
            public boolean isSatisfied(int index, TradingRecord record) {
                return index >= last;
            }
        };
        Rule stopOrTarget = new AbstractRule() {
            @Override
            public boolean isSatisfied(int index, TradingRecord record) {
                Position position = record.getCurrentPosition();
                if (position == null || !position.isOpened()) {
                    return false;
                }
                int at = position.getEntry().getIndex();
                BigDecimal entry = BigDecimal.valueOf(close.getValue(at).doubleValue()).setScale(4, RoundingMode.HALF_UP);
                BigDecimal stop = entry.subtract(BigDecimal.valueOf(multiple * atr.getValue(at).doubleValue())).setScale(2, RoundingMode.DOWN);
                BigDecimal target = entry.add(entry.subtract(stop).multiply(BigDecimal.valueOf(rewardToRisk))).setScale(2, RoundingMode.UP);
                double price = close.getValue(index).doubleValue();
                return price <= stop.doubleValue() || price >= target.doubleValue();
            }
        };
        BaseStrategy strategy = new BaseStrategy("ema-cross",
                new CrossedUpIndicatorRule(fastEma, slowEma).and(notLastBar),
                new CrossedDownIndicatorRule(fastEma, slowEma).or(stopOrTarget).or(lastBar),
                slow);
        TradingRecord record = new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);
        List<Trip> trips = new ArrayList<>();
        for (Position p : record.getPositions()) {
            trips.add(new Trip(p.getEntry().getIndex(), p.getEntry().getPricePerAsset().doubleValue(), p.getExit().getIndex(),
                    p.getExit().getPricePerAsset().doubleValue()));
        }
        return trips;
    }
}
