package com.catalyst.backtest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.catalyst.config.CatalystProperties;
import com.catalyst.reporting.PerformanceCalculator;
import com.catalyst.reporting.PerformanceReport;
import com.catalyst.reporting.ReportPage;
import com.catalyst.reporting.SvgChart;
import com.catalyst.reporting.TradeRows;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.ErrorBodies.NotFoundException;
import com.catalyst.routing.ErrorBodies.TooManyRequestsException;
import com.catalyst.scanner.ScannerSettings;
import com.catalyst.workflow.FunnelSizes;
import com.catalyst.workflow.TradingMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Starts backtest runs and answers their progress and results. A request is checked at once (400 naming the field; its
 * data folder or file must lie inside catalyst.backtest.data-dir or files-dir by real path); the run is recorded as
 * queued and replayed on the backtest thread, one run at a time, at most {@code max-runs} queued or running (then 429).
 * Loading the data is the run's first step: a symbol, a range or a file row that is missing ends it at once as failed, with the message. While it
 * runs, its trades and equity samples are written in batches and its progress every half second, so a run that fails
 * midway keeps what it had done.
 */
@Component("backtestDesk")
public class BacktestDesk implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(BacktestDesk.class);
    static final int LISTED_TRADES = 1000;
    private static final long PROGRESS_NANOS = 500_000_000L;
    /** Retry-After of a refusal when the queue is full: about what a month of minutes takes to replay. */
    static final long QUEUE_FULL_RETRY_SECONDS = 30;

    private final BacktestStore store;
    private final BacktestProperties defaults;
    private final CatalystProperties props;
    private final ObjectMapper json;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backtest");
        t.setDaemon(true);
        return t;
    });
    private volatile BacktestListener interceptor = BacktestListener.NONE;
    private final CamelContext camel;
    private BacktestRouteRunner routes;
    private final ConfinedFolder data;
    private final ConfinedFolder files;
    // runs queued or running: at most catalyst.backtest.max-runs
    private final AtomicInteger pending = new AtomicInteger();

    public BacktestDesk(BacktestStore store, BacktestProperties defaults, CatalystProperties props, ObjectMapper json, CamelContext camel) {
        this.store = store;
        this.defaults = defaults;
        this.props = props;
        this.json = json;
        this.camel = camel;
        this.data = new ConfinedFolder("catalyst.backtest.data-dir", Path.of(defaults.dataDir()));
        this.files = new ConfinedFolder("catalyst.backtest.files-dir", Path.of(defaults.filesDir()));
    }

    /**
     * A run left queued or running by a stop cannot resume: it is failed, with what it wrote kept. Only the process that
     * runs the workflow bundle (where runs go) does this, so that starting another process in split mode leaves runs alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterrupted(ApplicationReadyEvent ready) {
        if (!ready.getApplicationContext().getEnvironment().getProperty("catalyst.bundle.workflow.enabled", Boolean.class, false)) {
            return;
        }
        int n = store.failInterrupted();
        if (n > 0) {
            LOG.warn("{} backtest run(s) interrupted by the last stop marked failed", n);
        }
    }

    /** Tests only: hears every run's progress, so an integration test can fail a run midway by throwing. */
    public void intercept(BacktestListener listener) {
        this.interceptor = listener == null ? BacktestListener.NONE : listener;
    }

    /** Runs queued or running now (tests: the queue's bound). */
    int runsPending() {
        return pending.get();
    }

    /**
     * A request checked and made into a run's configuration and data loader (a 400 naming the field otherwise), without
     * starting anything: what a run and a sweep start from.
     */
    record Prepared(String strategy, BacktestConfig config, Supplier<BacktestData> loader, String source, Map<String, Object> parameters,
                    List<String> symbols, LocalDate from, LocalDate to) {
    }

    public Map<String, Object> start(BacktestRequest request) {
        Prepared p = prepare(request);
        String strategy = p.strategy();
        BacktestConfig config = p.config();
        Supplier<BacktestData> loader = p.loader();
        String source = p.source();
        if (pending.incrementAndGet() > defaults.maxRuns()) {
            pending.decrementAndGet();
            throw new TooManyRequestsException("the backtest queue is full (" + defaults.maxRuns() + " runs queued or running, "
                    + "catalyst.backtest.max-runs); try again when one has ended", QUEUE_FULL_RETRY_SECONDS);
        }
        long id;
        try {
            id = store.create(strategy, p.parameters(), source, p.symbols(), p.from(), p.to());
            executor.submit(() -> {
                try {
                    execute(id, config, loader);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        LOG.info("Backtest {} queued: {} over {}", id, strategy, source);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("run_id", id);
        answer.put("status", "queued");
        answer.put("url", "/api/v1/backtests/" + id);
        return answer;
    }

    /** The bundles' backtest routes, as every run's cycles go through them (thread-safe: sweeps call it from their pool). */
    synchronized BacktestRouteRunner routes() {
        if (routes == null) {
            routes = new BacktestRouteRunner(camel); // once Camel has started
        }
        return routes;
    }

    Prepared prepare(BacktestRequest request) {
        BacktestRequest r = request == null ? new BacktestRequest(null, null, null, null, null, null, null, null, null, null, null, null) : request;
        String strategy = or(r.strategy(), defaults.strategy()).toLowerCase(Locale.ROOT);
        if (!BacktestConfig.PATTERN.equals(strategy) && !BacktestConfig.EMA_CROSS.equals(strategy)) {
            throw new FieldException("strategy", "'strategy' must be pattern or ema-cross, got '" + strategy + "'");
        }
        String mode = or(r.mode(), props.workflow().mode());
        if (!mode.matches("aggressive|normal|conservative")) {
            throw new FieldException("mode", "'mode' must be aggressive, normal or conservative, got '" + mode + "'");
        }
        List<String> symbols = new ArrayList<>();
        for (String s : r.symbols() != null ? r.symbols() : defaults.symbols()) {
            String symbol = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty() && r.symbols() == null) {
                continue; // an empty catalyst.backtest.symbols binds as one blank entry
            }
            if (!symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new FieldException("symbols", "'symbols' must be tickers such as SPY, got '" + s + "'");
            }
            symbols.add(symbol);
        }
        LocalDate from = r.from() != null ? r.from() : defaults.from();
        LocalDate to = r.to() != null ? r.to() : defaults.to();
        if (from != null && to != null && from.isAfter(to)) {
            throw new FieldException("from", "'from' " + from + " is after 'to' " + to);
        }
        BacktestProperties.EmaCross ema = defaults.emaCross();
        BacktestConfig configured;
        try {
            configured = config(strategy, TradingMode.of(mode), or(r.cycleMinutes(), defaults.cycleMinutes()), or(r.emaFast(), ema.fast()),
                    or(r.emaSlow(), ema.slow()), or(r.atrPeriod(), ema.atrPeriod()), or(r.atrMultiple(), ema.atrMultiple()));
        } catch (BacktestInputException e) {
            throw new FieldException(e.getMessage().startsWith("cycle") ? "cycle_minutes" : "ema", e.getMessage());
        }
        BacktestConfig config = configured.withExit(exit(r));
        String file = r.file() != null ? r.file() : defaults.file();
        Supplier<BacktestData> loader;
        String source;
        if (file != null && !file.isBlank()) {
            ConfinedFolder.Inside inside = confined(() -> files.file("file", file), "file");
            source = "file " + inside.name();
            // checked again when the run loads it: the folder may have changed while the run was queued
            loader = () -> BacktestData.fromFile(files.file("file", file).real(), inside.name(), symbols, from, to);
        } else {
            String dir = r.dataDir();
            ConfinedFolder.Inside inside = confined(() -> data.folder("data_dir", dir), "data_dir");
            source = "folder " + inside.name();
            loader = () -> BacktestData.fromDirectory(data.folder("data_dir", dir).real(), inside.name(), symbols, from, to);
        }
        Map<String, Object> parameters = parameters(config, file, r.dataDir() != null ? r.dataDir() : ".");
        return new Prepared(strategy, config, loader, source, parameters, symbols, from, to);
    }

    private void execute(long id, BacktestConfig config, Supplier<BacktestData> loader) {
        store.running(id);
        long t0 = System.nanoTime();
        BacktestData data;
        try {
            data = loader.get();
        } catch (RuntimeException e) {
            LOG.warn("Backtest {} failed at once: {}", id, e.toString());
            // only the readers' own messages are stored: they name the file relative to its folder and never quote it
            store.failed(id, 0, e instanceof BacktestInputException ? e.getMessage()
                    : "the data could not be read (" + e.getClass().getSimpleName() + ")", null);
            return;
        }
        long loaded = System.nanoTime();
        store.loaded(id, data.source(), data.symbols(), data.sessions().get(0), data.sessions().get(data.sessions().size() - 1),
                data.barsInRange(), (loaded - t0) / 1_000_000);
        Sink sink = new Sink(id);
        try {
            BacktestResult result = new BacktestEngine(data, config).run(sink, routes());
            sink.flush();
            store.completed(id, result.bars(), result(result), (System.nanoTime() - loaded) / 1_000_000);
            LOG.info("Backtest {} completed: {} bars at {} bars/s, {} trades", id, result.bars(), Math.round(result.barsPerSecond()),
                    result.trades().size());
        } catch (RuntimeException | Error e) {
            LOG.warn("Backtest {} failed after {} bars: {}", id, sink.done, e.toString());
            try {
                sink.flush();
            } finally {
                store.failed(id, sink.done, message(e), (System.nanoTime() - loaded) / 1_000_000);
            }
        }
    }

    /** The run as JSON: status, progress, timings, and when completed the figures, the equity samples and the first trades. */
    public Map<String, Object> view(long id) throws Exception {
        Map<String, Object> row = row(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_id", row.get("run_id"));
        out.put("status", row.get("status"));
        out.put("strategy", row.get("strategy"));
        out.put("parameters", json.readTree((String) row.get("parameters")));
        out.put("source", row.get("source"));
        String symbols = (String) row.get("symbols");
        out.put("symbols", symbols == null || symbols.isEmpty() ? List.of() : List.of(symbols.split(",")));
        out.put("from", row.get("range_from"));
        out.put("to", row.get("range_to"));
        long done = ((Number) row.get("bars_done")).longValue();
        Number total = (Number) row.get("bars_total");
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("bars_done", done);
        progress.put("bars_total", total);
        progress.put("percent", total == null || total.longValue() == 0 ? null : Math.round(1000.0 * done / total.longValue()) / 10.0);
        out.put("progress", progress);
        out.put("error", row.get("error"));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("created_at", row.get("created_at"));
        timings.put("started_at", row.get("started_at"));
        timings.put("finished_at", row.get("finished_at"));
        timings.put("load_ms", row.get("load_millis"));
        timings.put("run_ms", row.get("run_millis"));
        Number runMs = (Number) row.get("run_millis");
        timings.put("bars_per_second", runMs == null || runMs.longValue() == 0 ? null : Math.round(done * 1000.0 / runMs.longValue()));
        out.put("timings", timings);
        out.put("result", row.get("result") == null ? null : json.readTree((String) row.get("result")));
        out.put("trades_total", row.get("trades_total"));
        if (!"queued".equals(row.get("status")) && !"running".equals(row.get("status"))) {
            out.put("equity_curve", store.equityRows(id));
            out.put("trades", store.tradeRows(id, LISTED_TRADES));
        }
        return out;
    }

    /** The run as the reporting bundle's HTML page: its figures, equity curve, drawdown and trades, with the run's details first. */
    public String html(long id) {
        Map<String, Object> row = row(id);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> t : store.tradeRows(id, Integer.MAX_VALUE)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("position_id", t.get("trade_no"));
            r.put("symbol", t.get("symbol"));
            r.put("pattern_type", t.get("pattern_type") == null ? "none" : t.get("pattern_type"));
            r.put("side", t.get("side") == null ? "long" : t.get("side"));
            r.put("quantity", t.get("quantity"));
            r.put("entry_price", t.get("entry_price"));
            r.put("exit_price", t.get("exit_price"));
            r.put("realized_pnl", t.get("realized_pnl"));
            r.put("opened_at", t.get("entry_time"));
            r.put("closed_at", t.get("exit_time"));
            r.put("close_reason", t.get("exit_reason"));
            rows.add(r);
        }
        LocalDate from = row.get("range_from") == null ? LocalDate.now() : ((java.sql.Date) row.get("range_from")).toLocalDate();
        LocalDate to = row.get("range_to") == null ? from : ((java.sql.Date) row.get("range_to")).toLocalDate();
        PerformanceReport report = new PerformanceCalculator(props.broker().startingCash())
                .calculate("backtest", from, to, TradeRows.closedTrades(rows), List.of(), LISTED_TRADES);
        StringBuilder pre = new StringBuilder("<table id=\"run\">");
        cell(pre, "run", row.get("run_id"));
        cell(pre, "status", row.get("status"));
        cell(pre, "strategy", row.get("strategy"));
        cell(pre, "parameters", row.get("parameters"));
        cell(pre, "data", row.get("source") + " " + (row.get("symbols") == null ? "" : row.get("symbols")));
        cell(pre, "sessions", from + " to " + to);
        cell(pre, "bars done / total", row.get("bars_done") + " / " + (row.get("bars_total") == null ? "?" : row.get("bars_total")));
        if (row.get("error") != null) {
            cell(pre, "error", row.get("error"));
        }
        pre.append("</table>");
        List<Double> equity = store.equityRows(id).stream().map(e -> ((java.math.BigDecimal) e.get("equity")).doubleValue()).toList();
        if (!equity.isEmpty()) {
            pre.append("<h2>Account equity at each session's close (USD)</h2>")
                    .append(SvgChart.line("session-equity-chart", "Account equity at each session's close", equity, ReportPage.EQUITY_COLOUR));
        }
        return ReportPage.render(report, "Catalyst backtest " + id + " (" + row.get("strategy") + ", " + row.get("status") + ")", pre.toString());
    }

    private Map<String, Object> row(long id) {
        Map<String, Object> row = store.run(id);
        if (row == null) {
            throw new NotFoundException("no backtest run " + id);
        }
        return row;
    }

    private static void cell(StringBuilder html, String name, Object value) {
        html.append("<tr><th>").append(HtmlUtils.htmlEscape(name)).append("</th><td>").append(HtmlUtils.htmlEscape(String.valueOf(value))).append("</td></tr>");
    }

    private Map<String, Object> result(BacktestResult result) {
        @SuppressWarnings("unchecked")
        // the figures only: the trades and the curve are read from their tables
        Map<String, Object> figures = json.convertValue(result.performance(1), Map.class);
        figures.remove("trades");
        figures.remove("equity_curve");
        figures.put("bars", result.bars());
        figures.put("sessions", result.sessions());
        figures.put("cycles", result.cycles());
        figures.put("proposals", result.proposals());
        figures.put("approved", result.approved());
        figures.put("orders", result.orders());
        figures.put("rejected_orders", result.rejectedOrders());
        figures.put("starting_cash", result.startingCash());
        figures.put("final_equity", result.finalEquity());
        figures.put("bars_per_second", Math.round(result.barsPerSecond()));
        // what the run still held at its end (an exit the close cut short), each as its open position row
        figures.put("held_at_end", result.heldAtEnd().stream().map(h -> Map.of("symbol", h.symbol(), "side", h.side(), "quantity",
                h.quantity(), "entry_time", h.entryTime().toString(), "entry_price", h.entryPrice())).toList());
        return figures;
    }

    private BacktestConfig config(String strategy, TradingMode mode, int cycleMinutes, int fast, int slow, int atrPeriod, double multiple) {
        CatalystProperties.Risk r = props.risk();
        CatalystProperties.Scanner s = props.scanner();
        CatalystProperties.Funnel f = props.funnel();
        CatalystProperties.Broker b = props.broker();
        return new BacktestConfig(strategy, mode,
                new FunnelSizes(s.topCandidates(), f.afterNews(), f.afterPattern(), f.afterTechnical(), f.picks()),
                new ScannerSettings(s.minPrice().doubleValue(), s.maxPrice().doubleValue(), s.minAverageVolume(), s.momentumBars(),
                        s.minRelativeVolume(), s.minGapPercent(), s.minMomentumPercent(), s.minAtrPercent()),
                r.limits(),
                b.startingCash(), b.slippageBps(), b.commissionPerShare(), props.trading().flattenMinutesBeforeClose(), cycleMinutes,
                fast, slow, atrPeriod, multiple).withShorts(props.trading().allowShort())
                // the live paper broker's partial fills: a backtest fills as the paper broker would
                .withFills(new com.catalyst.adapters.paper.PaperBroker.FillModel(b.maxFillQuantity(), b.maxVolumeShare()));
    }

    /** The run's exit mode: the request's fields over catalyst.trading.exit.* (a 400 naming the field it refuses). */
    private com.catalyst.trading.ExitSettings exit(BacktestRequest r) {
        CatalystProperties.Exit live = props.trading().exit();
        String mode = or(r.exitMode(), live.mode());
        double percent = or(r.trailPercent(), live.trailPercent());
        double multiple = or(r.trailAtrMultiple(), live.trailAtrMultiple());
        try {
            return com.catalyst.trading.ExitSettings.of(mode, percent, multiple);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("trail-percent") ? "trail_percent"
                    : e.getMessage().contains("trail-atr-multiple") ? "trail_atr_multiple" : "exit_mode";
            throw new FieldException(field, "'" + field + "' " + e.getMessage().substring(e.getMessage().indexOf(" must ") + 1));
        }
    }

    private Map<String, Object> parameters(BacktestConfig c, String file, String dataDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("strategy", c.strategy());
        p.put("mode", c.mode().id());
        p.put("exit_mode", c.exit().mode().id());
        if (c.exit().mode() == com.catalyst.trading.ExitSettings.Mode.TRAILING_PERCENT) {
            p.put("trail_percent", c.exit().trailPercent());
        } else if (c.exit().mode() == com.catalyst.trading.ExitSettings.Mode.TRAILING_ATR) {
            p.put("trail_atr_multiple", c.exit().trailAtrMultiple());
        }
        if (file != null && !file.isBlank()) {
            p.put("file", file);
        } else {
            p.put("data_dir", dataDir);
        }
        if (BacktestConfig.EMA_CROSS.equals(c.strategy())) {
            p.put("ema_fast", c.emaFast());
            p.put("ema_slow", c.emaSlow());
            p.put("atr_period", c.atrPeriod());
            p.put("atr_multiple", c.atrMultiple());
        } else {
            p.put("cycle_minutes", c.cycleMinutes());
        }
        p.put("risk", json.convertValue(c.risk(), Map.class));
        p.put("starting_cash", c.startingCash());
        p.put("slippage_bps", c.slippageBps());
        p.put("commission_per_share", c.commissionPerShare());
        p.put("flatten_minutes_before_close", c.flattenMinutesBeforeClose());
        return p;
    }

    /** A request's path, refused with a 400 naming the field (the message names the path relative to its folder). */
    private static ConfinedFolder.Inside confined(Supplier<ConfinedFolder.Inside> check, String field) {
        try {
            return check.get();
        } catch (BacktestInputException e) {
            throw new FieldException(field, e.getMessage());
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** Writes the run's trades and equity samples in batches and its progress at most every half second. */
    private final class Sink implements BacktestListener {
        final long id;
        final List<BacktestTrade> trades = new ArrayList<>();
        final List<EquitySample> equity = new ArrayList<>();
        long done;
        long lastWrite = System.nanoTime();

        Sink(long id) {
            this.id = id;
        }

        @Override
        public void progress(long barsDone, long barsTotal) {
            done = barsDone;
            interceptor.progress(barsDone, barsTotal);
            if (System.nanoTime() - lastWrite >= PROGRESS_NANOS) {
                flush();
                store.progress(id, barsDone);
                lastWrite = System.nanoTime();
            }
        }

        @Override
        public void trade(BacktestTrade trade) {
            trades.add(trade);
            if (trades.size() >= 1000) {
                flush();
            }
        }

        @Override
        public void equity(EquitySample sample) {
            equity.add(sample);
        }

        void flush() {
            if (!trades.isEmpty()) {
                store.trades(id, trades);
                trades.clear();
            }
            if (!equity.isEmpty()) {
                store.equity(id, equity);
                equity.clear();
            }
        }
    }
}
