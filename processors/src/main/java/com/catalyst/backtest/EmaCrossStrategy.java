package com.catalyst.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.catalyst.market.Bar;
import com.catalyst.market.Prices;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.TradeProposal;
import com.catalyst.technical.AverageTrueRange;
import com.catalyst.technical.ExponentialMovingAverage;
import com.catalyst.workflow.TradingMode;

/**
 * EMA cross with an ATR stop, on the project's incremental indicators (the EMA and ATR classes the technical stage's
 * indicator set is made of), restarted each session as the technical stage's are. Entry: the fast EMA closes above the
 * slow one, having been below it at the last bar where they differed; the proposal's stop is the entry less
 * {@code atrMultiple} × ATR, rounded down to the cent, and the risk manager sizes it and sets the target. Exit: the fast
 * EMA crosses back below (beside the exit planner's stop, target and close). Crosses count once both EMAs are out of
 * their warm-up (the slow period).
 */
final class EmaCrossStrategy implements BacktestStrategy {

    static final String PATTERN = "ema_cross";

    private final int fast;
    private final int slow;
    private final int atrPeriod;
    private final double atrMultiple;
    private final TradingMode mode;
    private final Map<String, State> states = new TreeMap<>();

    EmaCrossStrategy(int fast, int slow, int atrPeriod, double atrMultiple, TradingMode mode) {
        this.fast = fast;
        this.slow = slow;
        this.atrPeriod = atrPeriod;
        this.atrMultiple = atrMultiple;
        this.mode = mode;
    }

    @Override
    public void onSession(LocalDate session) {
        states.clear();
    }

    @Override
    public void onBar(String symbol, Bar bar) {
        states.computeIfAbsent(symbol, s -> new State()).update(bar);
    }

    @Override
    public boolean cycleDue(long minuteOfSession) {
        return true;
    }

    @Override
    public List<String> exits(Set<String> held, Instant now) {
        List<String> out = new ArrayList<>();
        for (String symbol : held) {
            State s = states.get(symbol);
            if (s != null && s.crossedDown && now.equals(s.time)) {
                out.add(symbol);
            }
        }
        return out;
    }

    @Override
    public void scan(BacktestCycle cycle) {
        // every symbol of the run is watched: no scan
    }

    @Override
    public void patterns(BacktestCycle cycle) {
        // no pattern: the cross is the signal
    }

    @Override
    public void technicals(BacktestCycle cycle) {
        cycle.request = entries(cycle.cycleId(), cycle.now(), cycle.run.book);
    }

    /** The symbols whose EMAs crossed up at this bar and are not held, as proposals with their ATR stops. */
    private RiskRequest entries(String cycleId, Instant now, BacktestBook book) {
        List<TradeProposal> proposals = null;
        for (Map.Entry<String, State> e : states.entrySet()) {
            State s = e.getValue();
            if (s.crossedUp && now.equals(s.time) && book.openPosition(e.getKey()) == null) {
                BigDecimal entry = Prices.decimal(s.close).setScale(4, RoundingMode.HALF_UP);
                BigDecimal stop = stop(entry, s.atr.value(), atrMultiple);
                if (proposals == null) {
                    proposals = new ArrayList<>(2);
                }
                proposals.add(new TradeProposal(e.getKey(), "long", entry, s.atr.value(), PATTERN, 0, stop, null));
            }
        }
        return proposals == null ? null : new RiskRequest(cycleId, mode.sizeMultiplier(), proposals);
    }

    /** Entry less the ATR multiple, rounded down to the cent. */
    static BigDecimal stop(BigDecimal entry, double atr, double multiple) {
        return entry.subtract(BigDecimal.valueOf(multiple * atr)).setScale(2, RoundingMode.DOWN);
    }

    /** One symbol's indicators within the session, and what the latest bar did. */
    private final class State {
        final ExponentialMovingAverage fastEma = ExponentialMovingAverage.ema(fast);
        final ExponentialMovingAverage slowEma = ExponentialMovingAverage.ema(slow);
        final AverageTrueRange atr = new AverageTrueRange(atrPeriod);
        int lastRelation;
        boolean crossedUp;
        boolean crossedDown;
        double close;
        Instant time;

        void update(Bar bar) {
            fastEma.update(bar.close());
            slowEma.update(bar.close());
            atr.update(bar.high(), bar.low(), bar.close());
            close = bar.close();
            time = bar.time();
            crossedUp = false;
            crossedDown = false;
            if (fastEma.isReady() && slowEma.isReady()) {
                int relation = Double.compare(fastEma.value(), slowEma.value());
                relation = Integer.signum(relation);
                crossedUp = relation > 0 && lastRelation < 0;
                crossedDown = relation < 0 && lastRelation > 0;
                if (relation != 0) {
                    lastRelation = relation; // a tie keeps the relation of the last bar where they differed
                }
            }
        }
    }
}
