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

    Account account();

    /** A position the broker holds. */
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
