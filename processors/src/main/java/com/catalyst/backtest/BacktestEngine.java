package com.catalyst.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.pattern.PatternStage;
import com.catalyst.risk.RiskManager;
import com.catalyst.risk.SessionTime;
import com.catalyst.scanner.MarketScanner;
import com.catalyst.technical.TechnicalStage;
import com.catalyst.trading.ExitPlanner;
import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.workflow.CycleFunnel;

/**
 * Replays a run's bars minute by minute on a {@link BacktestClock}; when a cycle is due it hands a {@link BacktestCycle}
 * to its {@link CycleRunner}, which runs the live pipeline's steps ({@link BacktestStages}: the exit planner's stop,
 * target and close, the strategy's scan, patterns and technicals, the risk manager, the paper broker's fills) through
 * the bundles' backtest routes or in-process. Each run builds its own instances over its own market, so it never
 * touches the live pipeline's state, and keeps its record in memory ({@link BacktestBook}); the listener persists
 * what it hears. One thread, no wall-clock reads in any
 * decision: the same data and configuration give the same trades.
 */
public final class BacktestEngine {

    private static final int PROGRESS_EVERY = 8192;
    private static final int SESSION_MINUTES = 390;

    private final BacktestData data;
    private final BacktestConfig config;

    public BacktestEngine(BacktestData data, BacktestConfig config) {
        this.data = data;
        this.config = config;
    }

    /**
     * Runs the cycles' steps in this thread without Camel, walking {@link BacktestStages#CYCLE}, the order of the one
     * cycle definition (routes/workflow-cycle.camel.yaml): the processors' unit tests and the benchmark's baseline.
     */
    public static final CycleRunner IN_PROCESS = new CycleRunner() {
        private final BacktestStages stages = new BacktestStages();

        @Override
        public void run(BacktestCycle cycle) {
            for (String step : BacktestStages.CYCLE) {
                stages.step(step, cycle);
            }
        }
    };

    /** How a cycle's steps are run: through the bundles' backtest routes (the application), or {@link #IN_PROCESS}. */
    @FunctionalInterface
    public interface CycleRunner {
        void run(BacktestCycle cycle);
    }

    public BacktestResult run(BacktestListener listener) {
        return run(listener, IN_PROCESS);
    }

    public BacktestResult run(BacktestListener listener, CycleRunner runner) {
        long started = System.nanoTime();
        BacktestMarket market = data.market();
        BacktestClock clock = new BacktestClock();
        List<String> symbols = data.symbols();
        Map<String, Integer> slot = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            slot.put(symbols.get(i), i);
        }
        LatestBars latest = new LatestBars(slot, symbols.size());
        // the live paper broker's quote and the market's last price: the symbol's latest bar of the session up to the clock
        // (AdapterConfiguration), as the replay below has delivered it
        PaperBroker broker = new PaperBroker(latest::quote, clock::now, config.startingCash(), config.slippageBps(),
                config.commissionPerShare(), config.fills(), com.catalyst.adapters.paper.PaperLedger.none())
                .shortSelling(config.allowShort(), java.util.List.of());
        ExitPlanner exitPlanner = new ExitPlanner(latest::price, clock::minutesToClose, config.flattenMinutesBeforeClose());
        RiskManager risk = new RiskManager(config.risk(),
                () -> new SessionTime(clock.isMarketOpen(), clock.minutesSinceOpen(), clock.minutesToClose()), config.allowShort());
        BacktestStrategy strategy = strategy(market);
        Run run = new Run(broker, exitPlanner, risk, strategy, new BacktestBook(config.startingCash()), listener, clock,
                config.flattenMinutesBeforeClose());

        long[] barNo = new long[symbols.size()];
        run.barNo = barNo;
        run.lastPrice = latest::price;
        run.exit = config.exit();
        run.slot = slot;
        long done = 0;
        long reported = 0;
        BigDecimal peak = config.startingCash();
        int point = 0;
        for (LocalDate session : data.sessions()) {
            strategy.onSession(session);
            run.orders.session(session);
            latest.clear();
            List<List<Bar>> bars = new ArrayList<>(symbols.size());
            for (String symbol : symbols) {
                bars.add(market.session(symbol, session));
            }
            int[] next = new int[symbols.size()];
            Instant open = ZonedDateTime.of(session, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
            int cycle = 0;
            String prefix = session.toString().replace("-", "") + "-";
            for (int minute = 1; minute <= SESSION_MINUTES; minute++) {
                Instant now = open.plusSeconds(60L * minute);
                for (int i = 0; i < bars.size(); i++) {
                    List<Bar> list = bars.get(i);
                    while (next[i] < list.size() && !list.get(next[i]).time().isAfter(now)) {
                        Bar bar = list.get(next[i]);
                        strategy.onBar(symbols.get(i), bar);
                        latest.set(i, bar);
                        next[i]++;
                        barNo[i]++;
                        done++;
                    }
                }
                clock.set(session, now);
                if (strategy.cycleDue(minute)) {
                    cycle++;
                    // the live cycle id, YYYYMMDD-NNN
                    runner.run(new BacktestCycle(run, prefix + (cycle < 10 ? "00" : cycle < 100 ? "0" : "") + cycle, session, now));
                }
                if (done - reported >= PROGRESS_EVERY) {
                    listener.progress(done, data.barsInRange());
                    reported = done;
                }
            }
            run.cycles += cycle;
            var account = broker.account();
            peak = peak.max(account.equity());
            listener.equity(run.sample(new EquitySample(++point, open.plusSeconds(60L * SESSION_MINUTES), account.equity(), account.cash(),
                    peak.subtract(account.equity()))));
            listener.progress(done, data.barsInRange());
            reported = done;
        }
        List<LocalDate> sessions = data.sessions();
        return new BacktestResult(List.copyOf(run.trades), List.copyOf(run.equity), run.book.openPositions(), done, sessions.size(),
                run.cycles, run.proposals, run.approved, run.orders.sent, run.orders.refused, config.startingCash(), broker.account().equity(),
                sessions.get(0), sessions.get(sessions.size() - 1), System.nanoTime() - started,
                run.book.held());
    }

    /**
     * Each symbol's latest bar of the session so far, as the replay has delivered it: at the clock's minute, the last bar
     * ending at or before the clock, which the market's {@code lastPrice} finds by a search, kept instead. What the exit
     * planner and risk read as the last price, and what the paper broker quotes (built once a bar).
     */
    private static final class LatestBars {
        private final Map<String, Integer> slot;
        private final Bar[] bars;
        private final PaperBroker.Quote[] quotes;

        LatestBars(Map<String, Integer> slot, int symbols) {
            this.slot = slot;
            this.bars = new Bar[symbols];
            this.quotes = new PaperBroker.Quote[symbols];
        }

        /** A new session: no bar yet. */
        void clear() {
            java.util.Arrays.fill(bars, null);
            java.util.Arrays.fill(quotes, null);
        }

        void set(int i, Bar bar) {
            bars[i] = bar;
            quotes[i] = null;
        }

        private Bar bar(String symbol) {
            Integer i = slot.get(symbol);
            return i == null ? null : bars[i];
        }

        /** The last price, NaN before the symbol's first bar of the session. */
        double price(String symbol) {
            Bar last = bar(symbol);
            return last == null ? Double.NaN : last.close();
        }

        /** The quote the live paper broker would read; null before the first bar. */
        PaperBroker.Quote quote(String symbol) {
            Integer i = slot.get(symbol);
            if (i == null || bars[i] == null) {
                return null;
            }
            PaperBroker.Quote q = quotes[i];
            if (q == null) {
                Bar last = bars[i];
                q = new PaperBroker.Quote(last.close(), last.volume(), last.time(), last.open(), last.high(), last.low());
                quotes[i] = q;
            }
            return q;
        }
    }

    private BacktestStrategy strategy(BacktestMarket market) {
        if (BacktestConfig.EMA_CROSS.equals(config.strategy())) {
            return new EmaCrossStrategy(config.emaFast(), config.emaSlow(), config.atrPeriod(), config.atrMultiple(), config.mode());
        }
        return new PatternCycleStrategy(new MarketScanner(market, config.scanner()), new PatternStage(market, config.allowShort()), new TechnicalStage(market),
                new CycleFunnel(config.funnel(), config.allowShort()), config.mode(), config.cycleMinutes());
    }

    /** One run's moving parts and counts: what a {@link BacktestCycle} carries from step to step. */
    static final class Run {
        final PaperBroker broker;
        final ExitPlanner exitPlanner;
        final RiskManager risk;
        final BacktestStrategy strategy;
        final BacktestBook book;
        final BacktestOrders orders;
        final BacktestListener listener;
        final BacktestClock clock;
        final long flattenMinutesBeforeClose;
        /** The last price of a symbol at the clock: what risk prices a working market entry at. */
        java.util.function.ToDoubleFunction<String> lastPrice = symbol -> Double.NaN;
        final List<BacktestTrade> trades = new ArrayList<>();
        final List<EquitySample> equity = new ArrayList<>();
        long[] barNo;
        Map<String, Integer> slot;
        /** How entries exit: a trailing mode places a trailing stop for each entry once it is done, as live. */
        com.catalyst.trading.ExitSettings exit = com.catalyst.trading.ExitSettings.BRACKET;
        int cycles;
        int proposals;
        int approved;

        Run(PaperBroker broker, ExitPlanner exitPlanner, RiskManager risk, BacktestStrategy strategy, BacktestBook book,
            BacktestListener listener, BacktestClock clock, long flattenMinutesBeforeClose) {
            this.clock = clock;
            this.broker = broker;
            this.exitPlanner = exitPlanner;
            this.risk = risk;
            this.strategy = strategy;
            this.book = book;
            this.listener = listener;
            this.flattenMinutesBeforeClose = flattenMinutesBeforeClose;
            this.orders = new BacktestOrders(broker, book, symbol -> barNo[slot.get(symbol)] - 1, this::closed);
        }

        private void closed(BacktestTrade trade) {
            trades.add(trade);
            listener.trade(trade);
        }

        EquitySample sample(EquitySample sample) {
            equity.add(sample);
            return sample;
        }
    }
}
