package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the risk manager the portfolio read from the record (positions and their P&L, so risk needs nothing that
 * lives only in the trading process; RiskRepository reads them), and says when the kill switch's trip is to be recorded.
 */
@Component("riskDesk")
public class RiskDesk {

    private static final Logger LOG = LoggerFactory.getLogger(RiskDesk.class);

    private final RiskLimitsBook limits;
    private final BigDecimal startingCash;
    private final ObjectMapper json;
    private final TradingClock clock;
    private final MarketDataPort market;

    public RiskDesk(RiskLimitsBook limits, CatalystProperties props, ObjectMapper json, TradingClock clock, MarketDataPort market) {
        this.limits = limits;
        this.market = market;
        this.startingCash = props.broker().startingCash();
        this.json = json;
        this.clock = clock;
    }

    /**
     * Judges {@code request} against the recorded portfolio, today's realized P&L (every realized loss of the session day,
     * see risk-realized-today) and the entry orders still working, counted as if they fill.
     */
    public RiskResponse evaluate(RiskRequest request, RecordedPortfolio recorded, BigDecimal realizedToday, List<RecordedOrder> working) {
        Portfolio portfolio = portfolio(recorded, realizedToday).withWorking(workingOrders(working));
        return limits.manager().evaluate(request, portfolio);
    }

    /**
     * Working entry orders as risk counts them ({@link WorkingOrder#atWorst}): of the working orders that are no leg,
     * the entries (a buy, or a short's sell to open: OrderIntent.opensPosition; exits are left out).
     */
    List<WorkingOrder> workingOrders(List<RecordedOrder> orders) {
        if (orders == null) {
            return List.of();
        }
        List<WorkingOrder> out = new ArrayList<>();
        for (RecordedOrder order : orders) {
            if (!com.catalyst.trading.OrderIntent.opensPosition(order.clientOrderId(), order.side())) {
                continue;
            }
            double last = order.limitPrice() != null ? Double.NaN : market.lastPrice(order.symbol(), clock.sessionDate(), clock.now());
            WorkingOrder entry = WorkingOrder.atWorst(order.clientOrderId(), order.symbol(), order.side(), order.remaining(),
                    order.limitPrice(), last, decimal(order.stopPrice()));
            if (order.limitPrice() == null && !WorkingOrder.priced(last)) {
                LOG.warn("Working order {} in {} has no limit and the market no price: counted at its stop {}", order.clientOrderId(),
                        order.symbol(), entry.price());
            }
            out.add(entry);
        }
        return out;
    }

    /**
     * The portfolio from the record's figures (realized P&L all time, open cost and market value, the open symbols) and
     * today's realized P&L. Buying power is the cash left (a cash account: no margin; a short's proceeds are not spent,
     * its cost is held as margin), exposure the open positions' market value, long and short.
     */
    Portfolio portfolio(RecordedPortfolio recorded, BigDecimal realizedToday) {
        BigDecimal realized = decimal(recorded.realizedTotal());
        BigDecimal unrealized = decimal(recorded.unrealizedTotal());
        BigDecimal cost = decimal(recorded.exposure());
        BigDecimal equity = startingCash.add(realized).add(unrealized);
        BigDecimal cash = startingCash.add(realized).subtract(cost);
        String symbols = recorded.openSymbols();
        Set<String> open = symbols == null || symbols.isBlank() ? Set.of() : Arrays.stream(symbols.split(",")).collect(Collectors.toSet());
        // a short's market value falls as it gains: its unrealized P&L comes off its cost (exposure is gross, longs plus shorts)
        BigDecimal shortUnrealized = decimal(recorded.shortUnrealized());
        return new Portfolio(equity, cash.max(BigDecimal.ZERO), (int) recorded.openCount(), open,
                realizedToday == null ? BigDecimal.ZERO : realizedToday, cost.add(unrealized).subtract(shortUnrealized.multiply(BigDecimal.valueOf(2))),
                decimal(recorded.shortExposure()));
    }

    /**
     * The kill switch's event when it has tripped, else null. Its record is one a session day: RiskRepository writes
     * the first and says whether this was it.
     */
    public KillSwitchEvent killSwitchEvent(RiskResponse response) throws JsonProcessingException {
        Portfolio portfolio = response.portfolio();
        var manager = limits.manager();
        if (!manager.killSwitchTripped(portfolio)) {
            return null;
        }
        BigDecimal limit = manager.limits().maxDailyLoss();
        String message = "kill switch tripped: realized P&L today " + portfolio.realizedPnlToday() + " reached the maximum daily loss "
                + limit + "; no new entries until the next session";
        String details = json.writeValueAsString(Map.of("realized_pnl_today", portfolio.realizedPnlToday(), "max_daily_loss", limit,
                "equity", portfolio.equity(), "session_date", clock.sessionDate().toString()));
        return new KillSwitchEvent(response.cycleId(), clock.sessionDate(), message, details);
    }

    private static BigDecimal decimal(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
