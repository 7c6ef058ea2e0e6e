package com.catalyst.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort;
import com.catalyst.trading.DueTrailingStop;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderSender;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderStatus;
import com.catalyst.trading.PositionForExit;
import com.catalyst.trading.PositionSide;
import com.catalyst.trading.Trail;
import org.slf4j.helpers.NOPLogger;

/**
 * A backtest's orders, as the trading bundle keeps them live in {@code orders} and {@code fills}: the one order model.
 * Intents go to the run's paper broker through {@link OrderSender}, as {@code TradeDesk} sends them: an entry as its
 * bracket (the broker holds the stop and the target as legs, with its partial fills, slippage and commission), an exit
 * only after the open orders holding its shares are canceled, for what the broker still holds. What the broker answers
 * is followed as {@code OrderSyncDesk} follows it:
 * <ul>
 *   <li>an order's first answer, if filled, is applied at once (the trade step's own record of a fill);</li>
 *   <li>each {@link #sync} (the cycle's manage step, before exits are planned) cancels the entries still resting in the
 *   flatten window, looks up every order the broker may still change, records a bracket's legs, and applies each fill
 *   not yet applied, once, to the run's {@link BacktestBook}: an entry's opens or grows its position, an exit's, a
 *   leg's or a trailing stop's shrinks or closes it (with the leg's name as the reason, or the exit's own);</li>
 *   <li>{@link #protect} places each trailing stop once its entry is done, as the order sync does in a trailing mode.</li>
 * </ul>
 * Every status step goes through {@link OrderStatus}, as the record's does. The broker works its open orders at each
 * call, once a clock minute, against that minute's bar: here as live, at the cycle's calls.
 */
final class BacktestOrders {

    /** One order as the record holds it. */
    private static final class Recorded {
        final String clientOrderId;
        /** The intent of an entry or an exit; null for a bracket leg and a trailing stop. */
        final OrderIntent intent;
        final String leg;
        final String parentClientOrderId;
        final String symbol;
        final OrderSide side;
        Integer positionId;
        OrderStatus status;
        int filledQuantity;
        int appliedQuantity;
        /** How many of the broker's fills of this order were applied. */
        int appliedFills;
        String brokerOrderId;
        String rejectReason;

        Recorded(String clientOrderId, OrderIntent intent, String leg, String parentClientOrderId, String symbol, OrderSide side,
                 Integer positionId) {
            this.clientOrderId = clientOrderId;
            this.intent = intent;
            this.leg = leg;
            this.parentClientOrderId = parentClientOrderId;
            this.symbol = symbol;
            this.side = side;
            this.positionId = positionId;
            this.status = OrderStatus.PENDING_SUBMIT;
        }

        boolean bracket() {
            return intent != null && intent.trail() == null && intent.stopLoss() != null && intent.takeProfit() != null
                    && "entry".equals(intent.kind());
        }
    }

    private final com.catalyst.adapters.paper.PaperBroker broker;
    private final BacktestBook book;
    private final OrderSender sender;
    /** Where a fill's bar index comes from: the symbol's bars delivered so far, less one. */
    private final ToLongFunction<String> barOf;
    private final Consumer<BacktestTrade> closed;
    private final Map<String, Recorded> record = new LinkedHashMap<>();
    /** The orders a sync looks up (entries, exits and trailing stops with a broker id), in the order they were placed. */
    private final Map<String, Recorded> active = new LinkedHashMap<>();
    /** The legs of each bracket entry on record. */
    private final Map<String, List<Recorded>> legs = new LinkedHashMap<>();
    /** The orders of each open position (its entry, legs, exits, trailing stop), dropped when it closes. */
    private final Map<Integer, List<Recorded>> ofPosition = new java.util.HashMap<>();
    /** The entries with a trail whose stop is not yet placed: what {@link #protect} looks at. */
    private final Map<String, Recorded> unprotected = new LinkedHashMap<>();
    private java.time.LocalDate session;
    /** The broker's change count after the last full pass of {@link #sync}. */
    private long changesSeen = -1;
    int sent;
    int refused;

    BacktestOrders(com.catalyst.adapters.paper.PaperBroker broker, BacktestBook book, ToLongFunction<String> barOf, Consumer<BacktestTrade> closed) {
        this.broker = broker;
        this.book = book;
        this.barOf = barOf;
        this.closed = closed;
        // a backtest places tens of thousands of orders: it tells none of them in the log
        this.sender = new OrderSender(broker, this::reopen, NOPLogger.NOP_LOGGER);
    }

    /** The session the run is in: a position opened now belongs to it (the risk manager's daily loss). */
    void session(java.time.LocalDate date) {
        session = date;
    }

    /** Puts the order under its position, once it has one. */
    private void link(Recorded r) {
        if (r.positionId != null) {
            List<Recorded> list = ofPosition.computeIfAbsent(r.positionId, k -> new ArrayList<>(4));
            if (!list.contains(r)) {
                list.add(r);
            }
        }
    }

    /** An order on record the broker never saw (kept back or not sent) is sent again under the same id. */
    private boolean reopen(String clientOrderId, int quantity) {
        Recorded r = record.get(clientOrderId);
        if (r == null || r.brokerOrderId != null || !(r.status == OrderStatus.CANCELED
                || (r.status == OrderStatus.REJECTED && r.rejectReason != null && r.rejectReason.startsWith("not sent:")))) {
            return false;
        }
        r.status = OrderStatus.PENDING_SUBMIT;
        r.rejectReason = null;
        return true;
    }

    /** Sends an entry or an exit (the trade step's place-order) and records the broker's first answer. */
    BrokerOrder send(OrderIntent intent) {
        Recorded known = record.get(intent.clientOrderId());
        boolean onRecord = known != null;
        if (known == null) {
            known = new Recorded(intent.clientOrderId(), intent, null, null, intent.symbol(), intent.side(), intent.positionId());
            record.put(intent.clientOrderId(), known);
            link(known);
            if (intent.trail() != null && "entry".equals(intent.kind())) {
                unprotected.put(intent.clientOrderId(), known);
            }
        }
        BrokerOrder answer = sender.send(intent, onRecord);
        sent++;
        if ("rejected".equals(answer.status()) || answer.brokerOrderId() == null) {
            refused++;
        }
        Recorded r = known;
        OrderStatus to = OrderStatus.of(answer.status());
        // a reopened row steps from pending_submit; the rest as the record says
        r.status = r.status.canBecome(to) ? to : r.status;
        r.brokerOrderId = answer.brokerOrderId() != null ? answer.brokerOrderId() : r.brokerOrderId;
        r.rejectReason = answer.rejectReason();
        r.filledQuantity = answer.filledQuantity();
        if (answer.filled()) {
            // the trade step records a fill in the answer: an entry opens its position, an exit closes its with its reason
            applyFills(r, answer, intent.closeReason());
        }
        if (r.brokerOrderId != null) {
            active.put(r.clientOrderId, r);
        }
        return answer;
    }

    /**
     * The order sync (OrderSyncDesk.sync): in the flatten window the entries still resting are canceled first; then each
     * order the broker may still change, or whose bracket legs are unsettled, is looked up and applied; then the trailing
     * stops are placed.
     */
    void sync(long minutesToClose, long flattenMinutesBeforeClose) {
        if (minutesToClose <= flattenMinutesBeforeClose) {
            for (Recorded r : new ArrayList<>(active.values())) {
                if (r.leg == null && r.status.open() && OrderIntent.opensPosition(r.clientOrderId, r.side)) {
                    broker.cancel(r.clientOrderId);
                }
            }
        }
        // the broker works its orders at this minute (as the first look-up would); if it changed no order since the last
        // pass, every look-up would answer what the record already holds: skip them (the result is the same, sooner)
        broker.onPrices();
        if (broker.changes() != changesSeen) {
            for (Recorded r : new ArrayList<>(active.values())) {
                if (!stillActive(r)) {
                    active.remove(r.clientOrderId);
                    continue;
                }
                broker.findByClientOrderId(r.clientOrderId).ifPresent(this::follow);
            }
            changesSeen = broker.changes();
        }
        protect();
    }

    /** OrderSyncDesk's active orders: open, fills missing, or a bracket entry whose legs are not all recorded and ended. */
    private boolean stillActive(Recorded r) {
        if (r.status.open() || r.filledQuantity > r.appliedQuantity) {
            return true;
        }
        if (r.bracket() && r.filledQuantity > 0) {
            List<Recorded> mine = legs.get(r.clientOrderId);
            if (mine == null || mine.size() < 2) {
                return true;
            }
            for (Recorded leg : mine) {
                if (leg.status.open()) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /** An order and, for a bracket entry, its legs after it (the entry opens the position the legs close). */
    private void follow(BrokerOrder order) {
        apply(order);
        for (BrokerOrder leg : order.legs()) {
            Recorded parent = record.get(order.clientOrderId());
            Recorded r = record.get(leg.clientOrderId());
            if (r == null) {
                r = new Recorded(leg.clientOrderId(), null, leg.leg().id(), order.clientOrderId(), leg.symbol(),
                        BrokerOrder.legSide(order, leg), parent.positionId);
                r.status = OrderStatus.NEW;
                r.brokerOrderId = leg.brokerOrderId();
                record.put(r.clientOrderId, r);
                link(r);
                legs.computeIfAbsent(order.clientOrderId(), k -> new ArrayList<>(2)).add(r);
            }
            apply(leg);
        }
    }

    /** One order's broker state into the record: its status step and the fills not yet applied. */
    private void apply(BrokerOrder order) {
        Recorded r = record.get(order.clientOrderId());
        if (r == null) {
            return;
        }
        OrderStatus to = OrderStatus.of(order.status());
        if (!r.status.canBecome(to)) {
            // the record and the broker disagree: live leaves it for a human; a backtest's broker never does this
            throw new IllegalStateException("backtest order " + order.clientOrderId() + ": the broker says " + to.id()
                    + " but the record says " + r.status.id());
        }
        applyFills(r, order, null);
        r.status = to;
        r.filledQuantity = order.filledQuantity();
        r.rejectReason = order.rejectReason();
    }

    private void applyFills(Recorded r, BrokerOrder order, String exitReason) {
        // the broker's list of an order's fills only grows, in order: the ones past those applied are new (live, the
        // record keeps them once by their broker fill id)
        List<BrokerOrder.Fill> fills = order.fills();
        while (r.appliedFills < fills.size()) {
            BrokerOrder.Fill fill = fills.get(r.appliedFills++);
            r.appliedQuantity += fill.quantity();
            move(r, fill, exitReason);
        }
    }

    /** A fill moves its position: an entry's opens or grows it, any other's shrinks or closes it. */
    private void move(Recorded r, BrokerOrder.Fill fill, String exitReason) {
        long bar = barOf.applyAsLong(r.symbol);
        if (r.leg == null && OrderIntent.opensPosition(r.clientOrderId, r.side)) {
            if (r.positionId == null) {
                Integer held = book.openPosition(r.symbol);
                // one open position a symbol: a second entry's fill joins the one there (the record's unique open position)
                r.positionId = held != null ? held : book.opened(r.intent, fill, session, bar);
                link(r);
            } else {
                book.grew(r.positionId, fill);
            }
            return;
        }
        Integer positionId = r.positionId;
        if (positionId == null && r.parentClientOrderId != null) {
            Recorded parent = record.get(r.parentClientOrderId);
            positionId = parent == null ? null : parent.positionId;
            r.positionId = positionId;
            link(r);
        }
        if (positionId == null) {
            return;
        }
        // as the record closes it: a leg with its name, an exit with the reason it was sent for
        String reason = exitReason != null ? exitReason : r.leg != null ? r.leg
                : r.intent != null && r.intent.closeReason() != null ? r.intent.closeReason() : "exit";
        BacktestTrade trade = book.reduced(positionId, fill, reason, bar);
        if (trade != null) {
            ofPosition.remove(positionId);
            closed.accept(trade);
        }
    }

    /**
     * The trailing stops (OrderSyncDesk.protect): each entry with a trail that is done, whose position is open, with no
     * stop on record and no exit of its own on its way, gets a {@code trailing_stop} for what filled (a short's for what
     * the broker still holds short, at most what the entry sold), client order id {@code <entry>-TS}.
     */
    void protect() {
        for (Recorded e : new ArrayList<>(unprotected.values())) {
            if (!e.status.open() && (e.filledQuantity <= 0 || (e.positionId != null && !book.isOpen(e.positionId)))) {
                unprotected.remove(e.clientOrderId); // ended without a fill, or its position closed: no stop is due
                continue;
            }
            if (e.filledQuantity <= 0 || e.status.open() || e.positionId == null || !book.isOpen(e.positionId)) {
                continue;
            }
            String id = OrderIntent.trailingStopClientOrderId(e.clientOrderId);
            Recorded stop = record.get(id);
            if (stop != null && !(stop.status == OrderStatus.PENDING_SUBMIT || stop.status == OrderStatus.UNKNOWN
                    || (stop.brokerOrderId == null && (stop.status == OrderStatus.CANCELED || stop.status == OrderStatus.REJECTED)))) {
                continue;
            }
            Integer position = e.positionId;
            boolean exiting = ofPosition.getOrDefault(position, List.of()).stream().anyMatch(x -> position.equals(x.positionId) && x.leg == null
                    && x.side != e.side && (x.status.open() || x.status == OrderStatus.PENDING_SUBMIT || x.status == OrderStatus.UNKNOWN));
            if (exiting) {
                continue;
            }
            OrderSide side = PositionSide.openedBy(e.side).exitOrderSide();
            int quantity = side == OrderSide.BUY ? DueTrailingStop.placeable(side, e.filledQuantity, broker.held(e.symbol))
                    : e.filledQuantity;
            if (quantity <= 0) {
                continue; // the broker holds no short to cover
            }
            Trail trail = e.intent.trail();
            if (stop == null) {
                stop = new Recorded(id, null, "trailing_stop", e.clientOrderId, e.symbol, side, position);
                record.put(id, stop);
                link(stop);
            } else {
                stop.status = OrderStatus.PENDING_SUBMIT;
            }
            BrokerOrder answer;
            try {
                answer = broker.submit(OrderRequest.trailingStop(id, e.symbol, side, quantity, trail));
            } catch (BrokerPort.DuplicateClientOrderIdException duplicate) {
                answer = broker.findByClientOrderId(id).orElseThrow();
            }
            sent++;
            stop.status = OrderStatus.of(answer.status());
            stop.brokerOrderId = answer.brokerOrderId();
            stop.rejectReason = answer.rejectReason();
            applyFills(stop, answer, null);
            stop.filledQuantity = answer.filledQuantity();
            if (stop.brokerOrderId != null) {
                active.put(id, stop);
            }
            if (stop.brokerOrderId != null || stop.status == OrderStatus.REJECTED) {
                // placed, or refused by the broker (left refused: the planner's fixed stop and target watch the position)
                unprotected.remove(e.clientOrderId);
            }
        }
    }

    /**
     * The entries still working, as risk counts them live (RiskDesk.workingOrders): the shares still to fill of each entry
     * at the price it would pay at worst, its limit, or the last price for a market order (its stop without one).
     */
    List<com.catalyst.risk.WorkingOrder> workingEntries(java.util.function.ToDoubleFunction<String> lastPrice) {
        List<com.catalyst.risk.WorkingOrder> out = new ArrayList<>();
        for (Recorded r : active.values()) {
            if (r.intent == null || r.leg != null || !r.status.open() || r.intent.quantity() <= r.filledQuantity
                    || !OrderIntent.opensPosition(r.clientOrderId, r.side)) {
                continue;
            }
            out.add(com.catalyst.risk.WorkingOrder.atWorst(r.clientOrderId, r.symbol, r.side, r.intent.quantity() - r.filledQuantity,
                    r.intent.limitPrice(), lastPrice.applyAsDouble(r.symbol), r.intent.stopLoss()));
        }
        return out;
    }

    /** Whether the position's stop and target are held at the broker: a bracket leg of it is working (the planner's broker_exits). */
    boolean brokerExits(int positionId) {
        for (Recorded l : ofPosition.getOrDefault(positionId, List.of())) {
            if (("stop_loss".equals(l.leg) || "take_profit".equals(l.leg)) && l.status.open()) {
                return true;
            }
        }
        return false;
    }

    /** How many of the position's exits (not legs) ended unfilled: it picks the next exit's client order id. */
    int rejectedExits(int positionId) {
        int n = 0;
        for (Recorded r : ofPosition.getOrDefault(positionId, List.of())) {
            if (r.leg == null && r.clientOrderId.startsWith("CAT-EXIT-")
                    && (r.status == OrderStatus.REJECTED || r.status == OrderStatus.CANCELED || r.status == OrderStatus.EXPIRED)) {
                n++;
            }
        }
        return n;
    }

    /** The open positions as the exit planner reads them live: the book's, with whether the broker holds their exits and their failed exits. */
    List<PositionForExit> open() {
        List<PositionForExit> positions = book.open();
        positions.replaceAll(p -> p.withExits(brokerExits(p.positionId()), rejectedExits(p.positionId())));
        return positions;
    }
}
