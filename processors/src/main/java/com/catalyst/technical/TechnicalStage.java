package com.catalyst.technical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.catalyst.market.Bar;
import com.catalyst.market.InsufficientHistoryException;
import com.catalyst.market.MarketDataPort;

/**
 * The technical step of the cycle. Each symbol keeps its {@link IndicatorSet} between cycles and takes only the bars
 * that arrived since the last one, so a cycle never recomputes history; a new session, or a question about an
 * earlier instant, starts a fresh set. A reading passes the mode's filter when RSI is inside the band and the MACD
 * line is above its signal (the earlier implementation's rule).
 */
public final class TechnicalStage {

    /** The defaults with EMA 21 in place of EMA 20: the reading reports EMA 9 and 21 (the earlier implementation's pair). */
    public static final IndicatorSettings SETTINGS =
            IndicatorSettings.defaults().withAveragePeriods(List.of(9, 20, 50, 200), List.of(9, 21, 50, 200));

    private final MarketDataPort market;
    private final IndicatorSettings settings;
    private final Map<String, SymbolState> states = new ConcurrentHashMap<>();

    public TechnicalStage(MarketDataPort market) {
        this(market, SETTINGS);
    }

    public TechnicalStage(MarketDataPort market, IndicatorSettings settings) {
        this.market = market;
        this.settings = settings;
    }

    public TechnicalResponse analyze(TechnicalRequest request) {
        List<TechnicalReading> readings = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int need = settings.signalWarmUpBars();
        for (String symbol : request.symbols()) {
            List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
            if (bars.size() < need) {
                skipped.put(symbol, new InsufficientHistoryException(bars.size(), need).getMessage());
                continue;
            }
            readings.add(reading(symbol, latest(symbol, request.sessionDate(), bars), request.rsiLow(), request.rsiHigh()));
        }
        return new TechnicalResponse(request.cycleId(), readings, skipped);
    }

    /** The snapshot after the last of {@code bars}, updating the symbol's kept state with the new bars only. */
    IndicatorSnapshot latest(String symbol, LocalDate session, List<Bar> bars) {
        Instant last = bars.get(bars.size() - 1).time();
        SymbolState state = states.get(symbol);
        if (state == null || !state.session.equals(session) || state.last.isAfter(last)) {
            if (state != null && state.session.equals(session)) {
                return fresh(bars); // an earlier instant than the live state: answer without disturbing it
            }
            state = new SymbolState(session, new IndicatorSet(settings));
            states.put(symbol, state);
        }
        synchronized (state) {
            for (Bar bar : bars) {
                if (state.last == null || bar.time().isAfter(state.last)) {
                    state.set.update(bar);
                    state.last = bar.time();
                }
            }
            return state.set.snapshot();
        }
    }

    private IndicatorSnapshot fresh(List<Bar> bars) {
        IndicatorSet set = new IndicatorSet(settings);
        bars.forEach(set::update);
        return set.snapshot();
    }

    static TechnicalReading reading(String symbol, IndicatorSnapshot s, double rsiLow, double rsiHigh) {
        boolean passed;
        String reason;
        if (!(s.rsi() >= rsiLow && s.rsi() <= rsiHigh)) {
            passed = false;
            reason = String.format(Locale.ROOT, "RSI %.1f outside %.0f–%.0f", s.rsi(), rsiLow, rsiHigh);
        } else if (!(s.macdLine() > s.macdSignal())) {
            passed = false;
            reason = "MACD not above its signal";
        } else {
            passed = true;
            reason = "RSI in band and MACD above signal";
        }
        return new TechnicalReading(symbol, s.time(), s.close(), s.rsi(), s.macdLine(), s.macdSignal(), s.macdHistogram(),
                s.sma(20), s.ema(9), s.ema(21), s.atr(), s.bollingerUpper(), s.bollingerMiddle(), s.bollingerLower(), s.vwap(),
                s.stochasticK(), s.stochasticD(), s.relativeVolume(), s.score(), s.signal().name(), passed, reason);
    }

    /** A symbol's indicator state within one session. */
    private static final class SymbolState {
        final LocalDate session;
        final IndicatorSet set;
        Instant last;

        SymbolState(LocalDate session, IndicatorSet set) {
            this.session = session;
            this.set = set;
        }
    }
}
