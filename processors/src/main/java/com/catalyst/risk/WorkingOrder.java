package com.catalyst.risk;

import java.math.BigDecimal;

import com.catalyst.market.Prices;
import com.catalyst.trading.OrderSide;

/**
 * An entry order the broker may still fill (pending_submit, submitted, new, accepted, partially_filled, or unknown
 * after a send that did not answer): the shares still to fill and the price they would cost (the limit, else the last price).
 * Risk counts it as if it fills; a short entry (a sell to open) counts in the short exposure as well.
 */
public record WorkingOrder(String clientOrderId, String symbol, int remainingQuantity, BigDecimal price, boolean shortEntry) {

    /** A long entry (a buy). */
    public WorkingOrder(String clientOrderId, String symbol, int remainingQuantity, BigDecimal price) {
        this(clientOrderId, symbol, remainingQuantity, price, false);
    }

    /**
     * A working entry as risk counts it, live (RiskDesk) and in a backtest (BacktestOrders) alike: the shares still to
     * fill at the price they would pay at worst: the limit of a limit order, the market's last price for a market order,
     * its stop when the market has no price, so that it still counts. A sell (a short's entry) counts as short exposure.
     * Which orders are entries is the caller's rule (OrderIntent.opensPosition).
     */
    public static WorkingOrder atWorst(String clientOrderId, String symbol, OrderSide side, int remainingQuantity, BigDecimal limitPrice,
                                       double lastPrice, BigDecimal stopPrice) {
        BigDecimal price = limitPrice != null ? limitPrice : priced(lastPrice) ? Prices.decimal(lastPrice) : stopPrice;
        return new WorkingOrder(clientOrderId, symbol, remainingQuantity, price, side == OrderSide.SELL);
    }

    /** Whether the market's last price can price a market order: finite and above zero; else its stop stands in. */
    public static boolean priced(double lastPrice) {
        return Double.isFinite(lastPrice) && lastPrice > 0;
    }

    public BigDecimal cost() {
        return price.multiply(BigDecimal.valueOf(remainingQuantity));
    }
}
