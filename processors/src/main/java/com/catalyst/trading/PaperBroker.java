package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The default broker: market orders fill at once at the last simulated or replayed price, moved against the trader by
 * the slippage, with a per-share commission; a reused client order id is rejected as a real broker does.
 * Its book (orders, positions, cash) is written to a {@link PaperLedger} before each answer and read back on first
 * use, so it survives a restart; with {@link PaperLedger#none()} it lives in memory only.
 */
public final class PaperBroker implements BrokerPort {

    private final ToDoubleFunction<String> lastPrice;
    private final java.util.function.Supplier<Instant> clock;
    private final double slippageBps;
    private final BigDecimal commissionPerShare;
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
    private final Map<String, BrokerPosition> positions = new LinkedHashMap<>();
    private final PaperLedger ledger;
    private final BigDecimal startingCash;
    private BigDecimal cash;
    private boolean loaded;

    public PaperBroker(ToDoubleFunction<String> lastPrice, java.util.function.Supplier<Instant> clock, BigDecimal startingCash,
                       double slippageBps, BigDecimal commissionPerShare) {
        this(lastPrice, clock, startingCash, slippageBps, commissionPerShare, PaperLedger.none());
    }

    public PaperBroker(ToDoubleFunction<String> lastPrice, java.util.function.Supplier<Instant> clock, BigDecimal startingCash,
                       double slippageBps, BigDecimal commissionPerShare, PaperLedger ledger) {
        this.lastPrice = lastPrice;
        this.clock = clock;
        this.startingCash = startingCash;
        this.cash = startingCash;
        this.slippageBps = slippageBps;
        this.commissionPerShare = commissionPerShare;
        this.ledger = ledger;
    }

    /** Reads the book on first use, not at construction: the database may still be on its way up then. */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        PaperLedger.Book book = ledger.load();
        book.orders().forEach(o -> orders.put(o.clientOrderId(), o));
        book.positions().forEach(p -> positions.put(p.symbol(), p));
        cash = book.cash() != null ? book.cash() : startingCash;
        loaded = true;
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest order) {
        ensureLoaded();
        if (orders.containsKey(order.clientOrderId())) {
            throw new DuplicateClientOrderIdException(order.clientOrderId());
        }
        Instant now = clock.get();
        double last = lastPrice.applyAsDouble(order.symbol());
        String id = UUID.nameUUIDFromBytes(("paper:" + order.clientOrderId()).getBytes()).toString();
        if (!Double.isFinite(last) || last <= 0) {
            return keep(new BrokerOrder(id, order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "rejected",
                    0, null, BigDecimal.ZERO, now, null, "no price for " + order.symbol() + " at " + now), positions.get(order.symbol()), cash);
        }
        double sign = "buy".equals(order.side()) ? 1 : -1;
        BigDecimal price = BigDecimal.valueOf(last * (1 + sign * slippageBps / 10_000)).setScale(4, RoundingMode.HALF_UP);
        BigDecimal commission = commissionPerShare.multiply(BigDecimal.valueOf(order.quantity()));
        BigDecimal notional = price.multiply(BigDecimal.valueOf(order.quantity()));
        if ("buy".equals(order.side()) && notional.add(commission).compareTo(cash) > 0) {
            return keep(new BrokerOrder(id, order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "rejected",
                    0, null, BigDecimal.ZERO, now, null, "insufficient buying power: needs " + notional.add(commission) + ", has " + cash),
                    positions.get(order.symbol()), cash);
        }
        int signed = "buy".equals(order.side()) ? order.quantity() : -order.quantity();
        BigDecimal cashAfter = cash.subtract(notional.multiply(BigDecimal.valueOf(Integer.signum(signed)))).subtract(commission);
        return keep(new BrokerOrder(id, order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "filled",
                order.quantity(), price, commission, now, now, null), positionAfter(order.symbol(), signed, price), cashAfter);
    }

    /** Writes the answer to the ledger first, then to memory: what the caller hears is what a restart will find. */
    private BrokerOrder keep(BrokerOrder answer, BrokerPosition positionAfter, BigDecimal cashAfter) {
        ledger.record(answer, answer.symbol(), positionAfter, cashAfter);
        orders.put(answer.clientOrderId(), answer);
        if (positionAfter == null) {
            positions.remove(answer.symbol());
        } else {
            positions.put(answer.symbol(), positionAfter);
        }
        cash = cashAfter;
        return answer;
    }

    /** The symbol's position after a fill of {@code signed} shares at {@code price}; null when it leaves the book flat. */
    private BrokerPosition positionAfter(String symbol, int signed, BigDecimal price) {
        BrokerPosition current = positions.get(symbol);
        int held = current == null ? 0 : current.quantity();
        int after = held + signed;
        if (after == 0) {
            return null;
        }
        if (current == null || Integer.signum(held) != Integer.signum(after)) {
            return new BrokerPosition(symbol, after, price);
        }
        if (Math.abs(after) > Math.abs(held)) {
            BigDecimal average = current.averageEntryPrice().multiply(BigDecimal.valueOf(held)).add(price.multiply(BigDecimal.valueOf(signed)))
                    .divide(BigDecimal.valueOf(after), 4, RoundingMode.HALF_UP);
            return new BrokerPosition(symbol, after, average);
        }
        return new BrokerPosition(symbol, after, current.averageEntryPrice());
    }

    @Override
    public synchronized Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
        ensureLoaded();
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    /** Market orders fill on arrival, so nothing is ever open to cancel: the order comes back as it stands. */
    @Override
    public synchronized Optional<BrokerOrder> cancel(String clientOrderId) {
        return findByClientOrderId(clientOrderId);
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        ensureLoaded();
        return orders.values().stream().filter(o -> !BrokerOrder.FINAL.contains(o.status())).toList();
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        ensureLoaded();
        return new ArrayList<>(positions.values());
    }

    @Override
    public synchronized Account account() {
        ensureLoaded();
        BigDecimal market = BigDecimal.ZERO;
        for (BrokerPosition p : positions.values()) {
            double last = lastPrice.applyAsDouble(p.symbol());
            BigDecimal mark = Double.isFinite(last) ? BigDecimal.valueOf(last) : p.averageEntryPrice();
            market = market.add(mark.multiply(BigDecimal.valueOf(p.quantity())));
        }
        return new Account("paper", cash, cash.add(market).setScale(2, RoundingMode.HALF_UP), cash.max(BigDecimal.ZERO), true);
    }
}
