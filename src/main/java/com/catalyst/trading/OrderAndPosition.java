package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An order as a fill's notification reads it from the record (OrderRepository.orderAndPosition): the order's side and
 * bracket leg (null for none), and its position's close reason, realized P&L and status (all null when the order names
 * no position).
 */
public record OrderAndPosition(String side, String leg, String closeReason, BigDecimal realizedPnl, String positionStatus) {
}
