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
 * It keeps its book in memory: a restart starts flat (see docs/architecture.md).
 */
public final class PaperBroker implements BrokerPort {

    private final ToDoubleFunction<String> lastPrice;
    private final java.util.function.Supplier<Instant> clock;
    private final double slippageBps;
    private final BigDecimal commissionPerShare;
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
    private final Map<String, BrokerPosition> positions = new LinkedHashMap<>();
    private BigDecimal cash;

    public PaperBroker(ToDoubleFunction<String> lastPrice, java.util.function.Supplier<Instant> clock, BigDecimal startingCash,
                       double slippageBps, BigDecimal commissionPerShare) {
        this.lastPrice = lastPrice;
        this.clock = clock;
        this.cash = startingCash;
        this.slippageBps = slippageBps;
        this.commissionPerShare = commissionPerShare;
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest order) {
        if (orders.containsKey(order.clientOrderId())) {
            throw new DuplicateClientOrderIdException(order.clientOrderId());
        }
        Instant now = clock.get();
        double last = lastPrice.applyAsDouble(order.symbol());
        String id = UUID.nameUUIDFromBytes(("paper:" + order.clientOrderId()).getBytes()).toString();
        if (!Double.isFinite(last) || last <= 0) {
            BrokerOrder rejected = new BrokerOrder(id, order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "rejected",
                    0, null, BigDecimal.ZERO, now, null, "no price for " + order.symbol() + " at " + now);
            orders.put(order.clientOrderId(), rejected);
            return rejected;
        }
        double sign = "buy".equals(order.side()) ? 1 : -1;
        BigDecimal price = BigDecimal.valueOf(last * (1 + sign * slippageBps / 10_000)).setScale(4, RoundingMode.HALF_UP);
        BigDecimal commission = commissionPerShare.multiply(BigDecimal.valueOf(order.quantity()));
        BigDecimal notional = price.multiply(BigDecimal.valueOf(order.quantity()));
        if ("buy".equals(order.side()) && notional.add(commission).compareTo(cash) > 0) {
            BrokerOrder rejected = new BrokerOrder(id, order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "rejected",
                    0, null, BigDecimal.ZERO, now, null, "insufficient buying power: needs " + notional.add(commission) + ", has " + cash);
            orders.put(order.clientOrderId(), rejected);
            return rejected;
        }
        applyFill(order, price, commission, notional);
        BrokerOrder filled = new BrokerOrder(id, order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "filled",
                order.quantity(), price, commission, now, now, null);
        orders.put(order.clientOrderId(), filled);
        return filled;
    }

    private void applyFill(OrderRequest order, BigDecimal price, BigDecimal commission, BigDecimal notional) {
        BrokerPosition current = positions.get(order.symbol());
        int held = current == null ? 0 : current.quantity();
        int signed = "buy".equals(order.side()) ? order.quantity() : -order.quantity();
        int after = held + signed;
        cash = cash.subtract(notional.multiply(BigDecimal.valueOf(Integer.signum(signed)))).subtract(commission);
        if (after == 0) {
            positions.remove(order.symbol());
        } else if (current == null || Integer.signum(held) != Integer.signum(after) || Math.abs(after) > Math.abs(held)) {
            BigDecimal average = current == null || Integer.signum(held) != Integer.signum(after) ? price
                    : current.averageEntryPrice().multiply(BigDecimal.valueOf(held)).add(price.multiply(BigDecimal.valueOf(signed)))
                            .divide(BigDecimal.valueOf(after), 4, RoundingMode.HALF_UP);
            positions.put(order.symbol(), new BrokerPosition(order.symbol(), after, average));
        } else {
            positions.put(order.symbol(), new BrokerPosition(order.symbol(), after, current.averageEntryPrice()));
        }
    }

    @Override
    public synchronized Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        return new ArrayList<>(positions.values());
    }

    @Override
    public synchronized Account account() {
        BigDecimal market = BigDecimal.ZERO;
        for (BrokerPosition p : positions.values()) {
            double last = lastPrice.applyAsDouble(p.symbol());
            BigDecimal mark = Double.isFinite(last) ? BigDecimal.valueOf(last) : p.averageEntryPrice();
            market = market.add(mark.multiply(BigDecimal.valueOf(p.quantity())));
        }
        return new Account("paper", cash, cash.add(market).setScale(2, RoundingMode.HALF_UP), cash.max(BigDecimal.ZERO), true);
    }
}
