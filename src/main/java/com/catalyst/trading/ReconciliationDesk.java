package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.workflow.CycleDesk;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the record agree with the broker, at start-up before any entry and then on a timer: orders left in
 * pending_submit or unknown, and filled ones missing their fill, are settled from the broker by client order id
 * (through the normal order path, so fills and positions are written the usual way) or, if the broker never saw
 * them, canceled and never resent; open positions are made equal to the broker's. Every repair is a {@code risk_events} row. Until a run succeeds, no
 * entry is placed, and /health says why.
 */
@Component("reconciliationDesk")
public class ReconciliationDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationDesk.class);

    // the repairs' trail (risk_events)
    private final com.catalyst.risk.RiskRepository riskEvents;
    private final OrderRepository orders;
    private final PositionRepository positions;
    private final BrokerPort broker;
    private final ProducerTemplate producer;
    private final CycleDesk cycles;
    private final ObjectMapper json;
    private final OrderSyncDesk orderSync;
    private final TradingClock clock;
    private final Duration minAge;
    private final boolean tradingHere;
    private final boolean allowShort;
    private volatile String state = "pending";
    private volatile String reason = "start-up reconciliation has not run yet";
    private volatile Instant lastRun;
    private volatile int lastRepairs;
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private com.catalyst.notify.Notifications notifications = com.catalyst.notify.Notifications.NONE;

    public ReconciliationDesk(com.catalyst.risk.RiskRepository riskEvents, OrderRepository orders, PositionRepository positions, BrokerPort broker, ProducerTemplate producer, CycleDesk cycles, ObjectMapper json,
                              CatalystProperties props, @org.springframework.beans.factory.annotation.Value("${catalyst.bundles.active}") String active,
                              OrderSyncDesk orderSync, TradingClock clock) {
        this.orderSync = orderSync;
        this.clock = clock;
        this.riskEvents = riskEvents;
        this.orders = orders;
        this.positions = positions;
        this.broker = broker;
        this.producer = producer;
        this.cycles = cycles;
        this.json = json;
        this.minAge = props.trading().reconcileMinAge();
        this.allowShort = props.trading().allowShort();
        this.tradingHere = java.util.Arrays.asList(active.split(",")).contains("trading");
    }

    /** Start-up, before the workflow timer may trade: nothing is in flight yet, so every unsettled order is settled. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public synchronized void atStartup() {
        if (!tradingHere) {
            state = "ok";
            reason = "the trading bundle runs in another process and reconciles there";
            return;
        }
        run(Duration.ZERO, "start-up");
    }

    /** The timer's run: skipped while a cycle places orders; young unsettled orders may still be on their way. */
    public synchronized void scheduled() {
        if (!tradingHere || cycles.isRunning()) {
            return;
        }
        run(minAge, "scheduled");
    }

    public boolean tradingAllowed() {
        return "ok".equals(state);
    }

    /** Refuses an entry while the record and the broker have not been reconciled. */
    public void requireReconciled() {
        if (!tradingAllowed()) {
            throw new TradingHaltedException("no trading: " + reason);
        }
    }

    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", state);
        status.put("reason", reason);
        status.put("last_run", lastRun == null ? null : lastRun.toString());
        status.put("last_repairs", lastRepairs);
        return status;
    }

    private void run(Duration olderThan, String kind) {
        try {
            int repairs = settleOrders(olderThan);
            // fills and bracket legs the broker worked meanwhile move the positions before they are compared
            orderSync.sync();
            repairs += matchPositions();
            lastRepairs = repairs;
            lastRun = Instant.now();
            state = "ok";
            reason = kind + " reconciliation at " + lastRun + ": " + repairs + " repair(s)";
            if (repairs > 0 || "start-up".equals(kind)) {
                LOG.info("Reconciliation ({}) with the broker done: {} repair(s)", kind, repairs);
            }
            if (repairs > 0) notifications.reconciliation(false, reason, repairs);
        } catch (RuntimeException e) {
            boolean wasFailed = "failed".equals(state);
            state = "failed";
            reason = kind + " reconciliation with the broker failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            lastRun = Instant.now();
            LOG.error("No trading until the broker and the record agree: {}", reason);
            if (!wasFailed) notifications.reconciliation(true, reason, 0);
        }
    }

    private int settleOrders(Duration olderThan) {
        // pending_submit or unknown, or filled on record but the process died before its fill and position were written
        int repairs = 0;
        for (UnsettledOrder row : orders.unsettled(olderThan)) {
            String clientOrderId = row.clientOrderId();
            Optional<BrokerOrder> known = broker.findByClientOrderId(clientOrderId);
            if (row.status() == OrderStatus.FILLED) {
                BrokerOrder filled = known.orElseThrow(() -> new IllegalStateException("order " + clientOrderId
                        + " is filled on record but unknown to the broker; a human should look"));
                producer.requestBody("direct:trading-place-order", row.intent());
                repair("fill_settled", "order " + clientOrderId + " was filled on record without its fill and position: written from the"
                        + " broker's answer (" + filled.filledQuantity() + " at " + filled.filledAveragePrice() + ")",
                        Map.of("client_order_id", clientOrderId, "filled_qty", filled.filledQuantity()));
            } else if (known.isPresent()) {
                // the normal order path settles it: the row exists, so it looks the order up and never resends
                producer.requestBody("direct:trading-place-order", row.intent());
                repair("order_settled", "order " + clientOrderId + " was " + row.status().id() + "; the broker has it as " + known.get().status(),
                        Map.of("client_order_id", clientOrderId, "broker_status", known.get().status()));
            } else {
                String why = "never reached the broker before a restart; not resent";
                orders.canceledNeverSent(clientOrderId, row.status().id(), why);
                repair("order_canceled", "order " + clientOrderId + " " + why, Map.of("client_order_id", clientOrderId));
            }
            repairs++;
        }
        return repairs;
    }

    private int matchPositions() {
        Map<String, BrokerPosition> held = new HashMap<>();
        for (BrokerPosition p : broker.positions()) {
            if (p.quantity() < 0 && !allowShort) {
                throw new IllegalStateException("the broker holds a short position in " + p.symbol() + " (" + p.quantity()
                        + ") while short selling is off (catalyst.trading.allow-short); Catalyst will not guess: cover it at the broker"
                        + " or turn shorts on");
            }
            held.put(p.symbol(), p);
        }
        int repairs = 0;
        for (RecordedPosition local : positions.openForReconciliation()) {
            String symbol = local.symbol();
            int quantity = local.quantity();
            // the record keeps a short as side short with a positive quantity; the broker as a negative quantity
            int signedLocal = local.signedQuantity();
            BrokerPosition atBroker = held.get(symbol);
            if (atBroker != null && Integer.signum(atBroker.quantity()) == Integer.signum(signedLocal)) {
                held.remove(symbol);
            } else {
                atBroker = null; // held the other way at the broker: this one is closed, that one recorded below
            }
            if (atBroker == null) {
                // sold at the broker without our record seeing the fill: the last mark is the best figure of what it realized,
                // and it must reach today's realized P&L (the kill switch reads it) rather than vanish
                BigDecimal mark = local.unrealizedPnl() == null ? BigDecimal.ZERO : local.unrealizedPnl();
                positions.closedNotHeld(local.positionId(), clock.now());
                repair("position_closed", "open position in " + symbol + " (" + quantity + ") is not held at the broker: closed, realized "
                        + mark + " at its last mark (counts toward today's loss limit)", Map.of("symbol", symbol, "quantity", quantity,
                        "realized_pnl", mark));
                repairs++;
            } else if (atBroker.quantity() != signedLocal) {
                positions.resized(local.positionId(), Math.abs(atBroker.quantity()), atBroker.averageEntryPrice());
                repair("position_resized", "position in " + symbol + " was " + quantity + " shares, the broker holds " + atBroker.quantity(),
                        Map.of("symbol", symbol, "local", quantity, "broker", atBroker.quantity()));
                repairs++;
            }
        }
        for (BrokerPosition missing : held.values()) {
            positions.openedFromBroker(missing.symbol(), missing.quantity() < 0 ? PositionSide.SHORT : PositionSide.LONG, Math.abs(missing.quantity()),
                    missing.averageEntryPrice());
            repair("position_opened", "the broker holds " + missing.quantity() + " " + missing.symbol() + " that the record did not: recorded",
                    Map.of("symbol", missing.symbol(), "quantity", missing.quantity()));
            repairs++;
        }
        return repairs;
    }

    private void repair(String type, String message, Map<String, Object> details) {
        LOG.warn("Reconciliation repair: {}", message);
        riskEvents.recordWarning("reconciliation_" + type, message, details);
    }

    /** Trading is halted until reconciliation succeeds: 503 at the REST API, a failed cycle in the workflow. */
    public static final class TradingHaltedException extends IllegalStateException {
        public TradingHaltedException(String message) {
            super(message);
        }
    }
}
