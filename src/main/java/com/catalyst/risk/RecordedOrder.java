package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * An order still working that is no leg of a bracket, as risk reads it from {@code orders} (RiskRepository.workingOrders):
 * its side, type, the shares still to fill and its limit and stop (null when it has none). RiskDesk keeps the entries.
 */
public record RecordedOrder(String clientOrderId, String symbol, String side, String orderType, int remaining, BigDecimal limitPrice,
                            BigDecimal stopPrice) {
}
