package com.catalyst.desk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.risk.RiskCheck;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.TradeProposal;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.RequestParameters;
import com.catalyst.technical.AverageTrueRange;
import com.catalyst.workflow.TradingMode;
import org.springframework.stereotype.Component;

/**
 * Turns a trader's proposed trade into a risk request, field by field: a bad field is a 400 that names it. Without a
 * stop the risk manager places one from the symbol's 14-bar ATR of today, as it does for a cycle's proposals.
 */
@Component("riskCheckDesk")
public class RiskCheckDesk {

    static final int MAX_QUANTITY = 1_000_000;

    private final MarketDataPort market;
    private final TradingClock clock;
    private final CycleDesk cycles;
    private final RequestParameters parameters;
    private volatile Set<String> universe;

    public RiskCheckDesk(MarketDataPort market, TradingClock clock, CycleDesk cycles, RequestParameters parameters) {
        this.market = market;
        this.clock = clock;
        this.cycles = cycles;
        this.parameters = parameters;
    }

    public RiskRequest request(RiskCheck check) {
        if (check == null) {
            throw new FieldException("symbol", "a JSON body with symbol, side and entry_price is required");
        }
        String symbol = knownSymbol(check.symbol());
        String side = check.side() == null ? "" : check.side().trim().toLowerCase(Locale.ROOT);
        if (!side.equals("buy") && !side.equals("long")) {
            throw new FieldException("side", "'side' must be buy (a long entry; exits go through the trading API), got '" + check.side() + "'");
        }
        BigDecimal entry = check.entryPrice();
        if (entry == null || entry.signum() <= 0) {
            throw new FieldException("entry_price", "'entry_price' must be a positive price, got " + entry);
        }
        if (check.stopPrice() != null && (check.stopPrice().signum() <= 0 || check.stopPrice().compareTo(entry) >= 0)) {
            throw new FieldException("stop_price", "'stop_price' must be positive and below entry_price " + entry + " for a long entry, got "
                    + check.stopPrice());
        }
        if (check.quantity() != null && (check.quantity() < 1 || check.quantity() > MAX_QUANTITY)) {
            throw new FieldException("quantity", "'quantity' must be a whole number of shares from 1 to " + MAX_QUANTITY + ", got " + check.quantity());
        }
        TradeProposal proposal = new TradeProposal(symbol, "long", entry, atr(symbol), "manual", 0, check.stopPrice(), check.quantity());
        return new RiskRequest(null, TradingMode.of(cycles.mode()).sizeMultiplier(), List.of(proposal));
    }

    /** A well-formed ticker that the market knows: the same universe the scanner ranks. */
    public String knownSymbol(String raw) {
        String symbol = parameters.symbol(raw);
        if (universe == null) {
            universe = market.universe().stream().map(MarketDataPort.SecurityInfo::symbol).collect(Collectors.toUnmodifiableSet());
        }
        if (!universe.contains(symbol)) {
            throw new FieldException("symbol", "'symbol' " + symbol + " is not a known symbol of this market");
        }
        return symbol;
    }

    private double atr(String symbol) {
        AverageTrueRange atr = new AverageTrueRange(14);
        for (Bar bar : market.intradayBars(symbol, clock.sessionDate(), clock.now())) {
            atr.update(bar.high(), bar.low(), bar.close());
        }
        return atr.isReady() ? atr.value() : Double.NaN;
    }
}
