package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The broker: the paper broker by default, Alpaca when configured. Every call may fail; none is retried blindly. */
public interface BrokerPort {

    /** Sends an order. Throws {@link DuplicateClientOrderIdException} when the id was used before. */
    BrokerOrder submit(OrderRequest order);

    /** Looks an order up by its client order id: how a timeout after sending is settled. */
    Optional<BrokerOrder> findByClientOrderId(String clientOrderId);

    /**
     * Asks the broker to cancel an order that is still open, and answers the order as the broker then holds it (an order
     * that filled meanwhile comes back filled). Empty when the broker has no order with that id.
     */
    Optional<BrokerOrder> cancel(String clientOrderId);

    /** Orders the broker still works (accepted, partially filled, held bracket legs): what cancel-all and sync read. */
    List<BrokerOrder> openOrders();

    List<BrokerPosition> positions();

    /** What the broker holds of {@code symbol}, signed: shares long, negative shares short, 0 when flat. */
    default int held(String symbol) {
        return positions().stream().filter(p -> p.symbol().equals(symbol)).mapToInt(BrokerPosition::quantity).sum();
    }

    Account account();

    /**
     * Whether the broker lends {@code symbol} for a short sale today. Catalyst shorts only what is shortable and easy to
     * borrow (a hard-to-borrow name may be recalled, and costs a borrow fee). A broker that cannot say lends nothing.
     */
    default Borrow borrow(String symbol) {
        return new Borrow(symbol, false, false);
    }

    /** What the broker says about lending a symbol for a short sale. */
    record Borrow(String symbol, boolean shortable, boolean easyToBorrow) {
        /** Whether Catalyst may short it: shortable and easy to borrow. */
        public boolean lendable() {
            return shortable && easyToBorrow;
        }
    }

    /** A position the broker holds: {@code quantity} is negative for a short. */
    record BrokerPosition(String symbol, int quantity, BigDecimal averageEntryPrice) {
    }

    /** Cash, equity and buying power as the broker reports them. */
    record Account(String accountId, BigDecimal cash, BigDecimal equity, BigDecimal buyingPower, boolean paper) {
    }

    /** The broker refused an order because its client order id was used before. */
    final class DuplicateClientOrderIdException extends RuntimeException {
        public DuplicateClientOrderIdException(String clientOrderId) {
            super("client_order_id must be unique: " + clientOrderId + " was used before");
        }
    }
}
