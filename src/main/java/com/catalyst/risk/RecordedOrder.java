package com.catalyst.risk;

import java.math.BigDecimal;

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;

/**
 * An order still working that is no leg of a bracket, as risk reads it from {@code orders} (RiskRepository.workingOrders):
 * its side, type, the shares still to fill and its limit and stop (null when it has none). RiskDesk keeps the entries.
 */
public record RecordedOrder(String clientOrderId, String symbol, OrderSide side, OrderType orderType, int remaining, BigDecimal limitPrice,
                            BigDecimal stopPrice) {
}
