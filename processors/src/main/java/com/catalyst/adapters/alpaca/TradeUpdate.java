package com.catalyst.adapters.alpaca;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of Alpaca's {@code trade_updates} stream (REFERENCE.md 4.11): {@code new}, {@code fill},
 * {@code partial_fill}, {@code canceled}, {@code expired}, {@code rejected}, … for one order.
 *
 * @param event         Alpaca's event name
 * @param clientOrderId the order's {@code client_order_id} (Catalyst's own id of the order)
 * @param orderId       Alpaca's order {@code id}
 * @param symbol        the order's symbol
 * @param side          {@code buy} or {@code sell}
 * @param orderStatus   the order's status after the event ({@code filled}, {@code partially_filled}, …)
 * @param price         the fill's price ({@code fill}, {@code partial_fill}), else null
 * @param qty           the fill's quantity ({@code fill}, {@code partial_fill}), else null
 * @param filledQty     the order's whole filled quantity so far, null when absent
 * @param positionQty   the position's quantity after a fill, else null
 * @param timestamp     when the event happened, null when absent
 */
public record TradeUpdate(String event, String clientOrderId, String orderId, String symbol, String side, String orderStatus,
                          BigDecimal price, BigDecimal qty, BigDecimal filledQty, BigDecimal positionQty, Instant timestamp) {

    /**
     * Reads the {@code data} of a {@code trade_updates} message.
     *
     * @throws UnreadableStreamMessage without an event or an order, or with a number or time that cannot be read
     */
    public static TradeUpdate of(JsonNode data) {
        JsonNode order = data.path("order");
        if (!data.path("event").isTextual() || !order.isObject()) {
            throw new UnreadableStreamMessage("a trade update without an event or an order: " + data);
        }
        try {
            return new TradeUpdate(data.get("event").asText(), text(order, "client_order_id"), text(order, "id"),
                    text(order, "symbol"), text(order, "side"), text(order, "status"), decimal(data, "price"),
                    decimal(data, "qty"), decimal(order, "filled_qty"), decimal(data, "position_qty"), time(data, "timestamp"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UnreadableStreamMessage("a trade update with an unreadable number or time (" + e.getMessage() + "): " + data);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Alpaca sends prices and quantities as decimal strings; a JSON number is read the same way. */
    private static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }

    private static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
