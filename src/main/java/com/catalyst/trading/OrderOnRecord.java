package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An order's row as the order sync reads it, locked, before it applies the broker's view: its status, what it has
 * recorded of fills, and what a fill needs to open, grow, shrink or close its position.
 *
 * @param orderId          the row's key, which fills name
 * @param positionId       the position the order opened or closes; null until a fill links it
 * @param leg              stop_loss, take_profit or trailing_stop for a bracket leg or trailing stop; null for an entry or exit
 * @param closeReason      the reason an exit was sent for (V15); null for an entry, a leg, or an exit from before V15
 * @param patternType      {@code manual} for a trader's order (no cycle), else null: the cycle's decision names the pattern
 * @param recordedQty      the quantity of the fills on record
 * @param recordedNotional the sum of quantity × price of the fills on record
 */
public record OrderOnRecord(Object orderId, String clientOrderId, String symbol, OrderSide side, OrderStatus status, int quantity,
                            int filledQty, Integer positionId, String cycleId, BigDecimal stopPrice, BigDecimal takeProfitPrice,
                            String leg, String closeReason, String parentClientOrderId, BigDecimal riskAmount, String patternType,
                            int recordedQty, BigDecimal recordedNotional) {

    /** Whether a fill of it opens (or grows) a position rather than exiting one: no leg, and an entry by the one rule. */
    public boolean opens() {
        return leg == null && OrderIntent.opensPosition(clientOrderId, side);
    }

    /** The reason its closing fill closes the position with: a leg's name, an exit's own reason, else {@code exit}. */
    public String closingReason() {
        return leg != null ? leg : closeReason != null ? closeReason : "exit";
    }
}
