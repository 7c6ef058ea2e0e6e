package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.Optional;

import com.catalyst.trading.BrokerPort.DuplicateClientOrderIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an order intent to the broker as the live trading bundle and a backtest both do (the one order model): an entry
 * as its bracket, or bare in a trailing exit mode; a short entry only where the broker lends the symbol; an exit only
 * after the open orders holding its shares (bracket legs, a trailing stop) are canceled, and only for what the broker
 * still holds. An intent already on record is looked up at the broker first, never sent blindly twice. The record is
 * the caller's: {@code TradeDesk} keeps it in PostgreSQL, a backtest in memory ({@code BacktestOrders}).
 */
public final class OrderSender {

    /** Why an exit was not sent: after the cancels the broker held nothing to exit (a canceled leg had filled first). */
    public static final String NOTHING_HELD = "not sent: the broker holds no shares to exit after canceling the open orders (one filled first)";

    /** Reopens a recorded order the broker never saw (canceled by reconciliation, or kept back by the breaker). */
    @FunctionalInterface
    public interface NeverSent {
        /** Whether the row was such an order and is pending_submit again, with {@code quantity}. */
        boolean reopen(String clientOrderId, int quantity);
    }

    private final BrokerPort broker;
    private final NeverSent neverSent;
    private final Logger log;

    /** Logs each order as the live trading bundle does. */
    public OrderSender(BrokerPort broker, NeverSent neverSent) {
        this(broker, neverSent, LoggerFactory.getLogger(OrderSender.class));
    }

    /** @param log where each order is told: a backtest passes a silent one (it places tens of thousands) */
    public OrderSender(BrokerPort broker, NeverSent neverSent, Logger log) {
        this.broker = broker;
        this.neverSent = neverSent;
        this.log = log;
    }

    /** Why a short entry is not sent: the broker will not lend the symbol (not shortable, or hard to borrow). */
    public static String notLendable(BrokerPort.Borrow borrow) {
        return "not sent: " + borrow.symbol() + " is " + (borrow.shortable() ? "not easy to borrow" : "not shortable") + " at the broker";
    }

    /**
     * Sends the intent, or, when its row was already on record ({@code onRecord}) (a retry or a restart), asks the broker first and sends
     * only if the broker never saw it. A duplicate-id rejection means the broker has it: look it up.
     */
    public BrokerOrder send(OrderIntent intent, boolean onRecord) {
        if (onRecord) {
            Optional<BrokerOrder> known = broker.findByClientOrderId(intent.clientOrderId());
            if (known.isPresent()) {
                log.info("Order {} was already sent; settled from the broker as {}", intent.clientOrderId(), known.get().status());
                return known.get();
            }
            // the same exit in a later cycle, after its first attempt never reached the broker: the id is still free there
            if (neverSent.reopen(intent.clientOrderId(), intent.quantity())) {
                log.info("Order {} never reached the broker; sending it now", intent.clientOrderId());
            }
        }
        OrderRequest request = intent.toRequest();
        if ("entry".equals(intent.kind()) && intent.side() == OrderSide.SELL) {
            // a short sale: only what the broker marks shortable and easy to borrow
            BrokerPort.Borrow borrow = broker.borrow(intent.symbol());
            if (!borrow.lendable()) {
                log.info("Short entry {} not sent: {}", intent.clientOrderId(), notLendable(borrow));
                return new BrokerOrder(null, intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), "rejected", 0, null,
                        BigDecimal.ZERO, null, null, notLendable(borrow));
            }
        }
        if ("exit".equals(intent.kind())) {
            String stillOpen = releaseHeldShares(intent);
            if (stillOpen != null) {
                // a cancel not yet done (Alpaca's pending_cancel) may still fill: what is held is not known yet
                log.info("Exit {} not sent: {} is still being canceled at the broker", intent.clientOrderId(), stillOpen);
                return new BrokerOrder(null, intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), "canceled", 0, null,
                        BigDecimal.ZERO, null, null, "not sent: " + stillOpen + " is still being canceled at the broker; the next cycle exits");
            }
            // a canceled leg may have filled meanwhile: exit only what the broker still holds, so the exit never opens a
            // position the other way (a short on a margin account)
            int held = stillHeld(intent);
            if (held <= 0) {
                log.info("Exit {} not sent: the broker holds no {} to {} (an order canceled before it filled first)", intent.clientOrderId(),
                        intent.symbol(), intent.side());
                return new BrokerOrder(null, intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), "canceled", 0, null,
                        BigDecimal.ZERO, null, null, NOTHING_HELD);
            }
            if (held < request.quantity()) {
                log.info("Exit {} of {} {}: the broker holds {} after the cancels; {} only", intent.clientOrderId(), request.quantity(),
                        intent.symbol(), held, held);
                request = request.withQuantity(held);
            }
        }
        try {
            BrokerOrder order = broker.submit(request);
            log.info("Order {} {} {} x{}: {}{}", intent.clientOrderId(), intent.side(), intent.symbol(), intent.quantity(), order.status(),
                    order.filledAveragePrice() == null ? "" : " at " + order.filledAveragePrice());
            return order;
        } catch (DuplicateClientOrderIdException duplicate) {
            return broker.findByClientOrderId(intent.clientOrderId())
                    .orElseThrow(() -> new IllegalStateException("broker rejected " + intent.clientOrderId() + " as a duplicate but cannot find it"));
        }
    }

    /**
     * A position's shares are held by its open sell orders (bracket legs) at the broker (a short's by its open buys): an
     * exit cancels them first, as a broker refuses a sell of shares another order holds. The next order sync records the
     * legs as canceled. Answers the id of an order whose cancel has not ended (still open after a second look), or null.
     */
    private String releaseHeldShares(OrderIntent exit) {
        String stillOpen = null;
        for (BrokerOrder open : broker.openOrders()) {
            if (open.symbol().equals(exit.symbol()) && exit.side() == open.side() && !open.clientOrderId().equals(exit.clientOrderId())) {
                BrokerOrder after = broker.cancel(open.clientOrderId()).orElse(open);
                if (after.open() && !"held".equals(after.status())) {
                    // asked once more: a cancel the broker has only accepted so far can still end in a fill
                    after = broker.findByClientOrderId(open.clientOrderId()).orElse(after);
                }
                log.info("Order {} ({}) canceled before exit {}: {}", open.clientOrderId(), open.leg() == null ? open.orderType() : open.leg(),
                        exit.clientOrderId(), after.status());
                if (after.open() && !"held".equals(after.status())) {
                    stillOpen = open.clientOrderId();
                }
            }
        }
        return stillOpen;
    }

    /**
     * What the exit may still take, as the broker says after the cancels: the long shares a sell closes, the short shares a
     * buy covers; 0 when flat or held the other way.
     */
    private int stillHeld(OrderIntent exit) {
        int signed = broker.held(exit.symbol());
        return exit.side() == OrderSide.SELL ? Math.max(signed, 0) : Math.max(-signed, 0);
    }
}
