package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.RequestParameters;
import com.catalyst.technical.AverageTrueRange;
import com.catalyst.workflow.CycleDesk;
import com.catalyst.workflow.TradingMode;
import org.springframework.stereotype.Component;

/**
 * Turns a trader's proposed trade into a risk request, field by field: a bad field is a 400 that names it. A market
 * order is judged at the market's last price, a limit order at its limit; the client's entry_price sizes nothing. Without a
 * stop the risk manager places one from the symbol's 14-bar ATR of today, as it does for a cycle's proposals. A short
 * entry (side {@code short}) is taken only while short selling is on (catalyst.trading.allow-short), its stop above the
 * price judged at.
 */
@Component("riskCheckDesk")
public class RiskCheckDesk {

    public static final int MAX_QUANTITY = 1_000_000;

    private final MarketDataPort market;
    private final TradingClock clock;
    private final CycleDesk cycles;
    private final RequestParameters parameters;
    private final boolean allowShort;
    private volatile Set<String> universe;

    @org.springframework.beans.factory.annotation.Autowired
    public RiskCheckDesk(MarketDataPort market, TradingClock clock, CycleDesk cycles, RequestParameters parameters,
                         com.catalyst.config.CatalystProperties props) {
        this(market, clock, cycles, parameters, props.trading().allowShort());
    }

    /** {@code allowShort}: catalyst.trading.allow-short, whether a trader may propose a short entry. */
    public RiskCheckDesk(MarketDataPort market, TradingClock clock, CycleDesk cycles, RequestParameters parameters, boolean allowShort) {
        this.market = market;
        this.clock = clock;
        this.cycles = cycles;
        this.parameters = parameters;
        this.allowShort = allowShort;
    }

    /**
     * The direction of a trader's entry, {@code long} or {@code short}: buy or long is a long entry; short is a short
     * entry (a sell to open), taken only while short selling is on. A plain sell is refused: it could mean closing shares
     * held as well as opening a short, and a close goes through {@code DELETE /api/v1/trading/positions/{symbol}}.
     */
    public String entrySide(String raw) {
        String side = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (side.equals("buy") || side.equals("long")) {
            return "long";
        }
        if (side.equals("short")) {
            if (!allowShort) {
                throw new FieldException("side", "'side' short: short entries are off (catalyst.trading.allow-short,"
                        + " CATALYST_TRADING_ALLOW_SHORT); nothing was sent");
            }
            return "short";
        }
        if (side.equals("sell")) {
            throw new FieldException("side", "'side' sell is not an entry: close a position with DELETE /api/v1/trading/positions/{symbol},"
                    + " or open a short with 'side':'short'");
        }
        throw new FieldException("side", "'side' must be buy (a long entry) or short (a short entry, a sell to open), got '" + raw + "'");
    }

    public RiskRequest request(RiskCheck check) {
        if (check == null) {
            throw new FieldException("symbol", "a JSON body with symbol and side is required");
        }
        String symbol = knownSymbol(check.symbol());
        boolean shortEntry = entrySide(check.side()).equals("short");
        if (check.entryPrice() != null && check.entryPrice().signum() <= 0) {
            throw new FieldException("entry_price", "'entry_price' must be a positive price, got " + check.entryPrice());
        }
        String type = check.type() == null ? "market" : check.type().trim().toLowerCase(Locale.ROOT);
        if (!type.equals("market") && !type.equals("limit")) {
            throw new FieldException("type", "'type' must be market or limit, got '" + check.type() + "'");
        }
        if (type.equals("limit") && (check.limitPrice() == null || check.limitPrice().signum() <= 0)) {
            throw new FieldException("limit_price", "'limit_price' must be a positive price for a limit order, got " + check.limitPrice());
        }
        // a market order is judged at the market's last price, never at a price the client sends (RiskCheck.judgedPrice)
        BigDecimal entry = check.judgedPrice(type.equals("limit") ? null : lastPrice(symbol));
        String judgedAt = (type.equals("limit") ? "the limit price " : "the last price ") + entry + " of " + symbol;
        if (!shortEntry && check.stopPrice() != null && (check.stopPrice().signum() <= 0 || check.stopPrice().compareTo(entry) >= 0)) {
            throw new FieldException("stop_price", "'stop_price' must be positive and below " + judgedAt + " for a long entry, got "
                    + check.stopPrice());
        }
        // a short loses as the price rises: its stop is above the entry (its target, below, is risk's to place)
        if (shortEntry && check.stopPrice() != null && check.stopPrice().compareTo(entry) <= 0) {
            throw new FieldException("stop_price", "'stop_price' must be above " + judgedAt + " for a short entry, got " + check.stopPrice());
        }
        if (check.quantity() != null && (check.quantity() < 1 || check.quantity() > MAX_QUANTITY)) {
            throw new FieldException("quantity", "'quantity' must be a whole number of shares from 1 to " + MAX_QUANTITY + ", got " + check.quantity());
        }
        TradeProposal proposal = check.proposal(type.equals("limit") ? null : entry, atr(symbol));
        return new RiskRequest(null, TradingMode.of(cycles.mode()).sizeMultiplier(), List.of(proposal));
    }

    /** The market's last price of {@code symbol} this session: what a market order would pay. */
    private BigDecimal lastPrice(String symbol) {
        return lastPrice(symbol, "judged", "check");
    }

    /**
     * The market's last price of {@code symbol} this session; none yet is a 400 saying that a market order cannot be
     * {@code judged} (judged, sized) and to {@code advice} (check, send) a limit order instead.
     */
    public BigDecimal lastPrice(String symbol, String judged, String advice) {
        double last = market.lastPrice(symbol, clock.sessionDate(), clock.now());
        if (!Double.isFinite(last) || last <= 0) {
            throw new FieldException("symbol", symbol + " has no price yet this session, so a market order cannot be " + judged + ";"
                    + " try again after its first bar, or " + advice + " a limit order with 'type':'limit' and 'limit_price'");
        }
        return BigDecimal.valueOf(last);
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
