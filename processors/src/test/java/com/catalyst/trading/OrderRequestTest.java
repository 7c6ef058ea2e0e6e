package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderRequestTest {

    @Test
    void acceptsBuysAndSellsOfAPositiveQuantity() {
        assertThat(new OrderRequest("o", "AAA", OrderSide.BUY, 1, OrderType.MARKET, null, null, null).quantity()).isEqualTo(1);
        assertThat(new OrderRequest("o", "AAA", OrderSide.SELL, 500, OrderType.MARKET, null, null, null).side()).isEqualTo(OrderSide.SELL);
    }

    @Test
    void refusesAQuantityBelowOne() {
        assertThatThrownBy(() -> new OrderRequest("o-9", "AAA", OrderSide.BUY, 0, OrderType.MARKET, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("o-9")
                .hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", OrderSide.BUY, -5, OrderType.MARKET, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnySideButBuyOrSell() {
        // a side is an OrderSide: what is neither buy nor sell is refused as it is read
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", OrderSide.of("short"), 1, OrderType.MARKET, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("side must be buy or sell");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", OrderSide.of("BUY"), 1, OrderType.MARKET, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", null, 1, OrderType.MARKET, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLimitNeedsALimitPriceAStopAStopPriceAndBothExitPricesMakeABracket() {
        assertThatThrownBy(() -> new OrderRequest("o-1", "AAA", OrderSide.BUY, 1, OrderType.LIMIT, null, null, null))
                .hasMessageContaining("o-1").hasMessageContaining("limit price");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", OrderSide.BUY, 1, OrderType.STOP, null, null, null, java.math.BigDecimal.ZERO))
                .hasMessageContaining("stop price");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", OrderSide.BUY, 1, OrderType.of("trailing"), null, null, null))
                .hasMessageContaining("type must be market, limit, stop, stop_limit or trailing_stop, got 'trailing'");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", OrderSide.BUY, 1, OrderType.STOP_LIMIT, null, null, null))
                .hasMessageContaining("type must be market, limit, stop or trailing_stop");
        assertThat(new OrderRequest("o", "AAA", OrderSide.BUY, 1, null, null, null, null).type()).isEqualTo(OrderType.MARKET);
        assertThat(new OrderRequest("o", "AAA", OrderSide.BUY, 1, OrderType.MARKET, null, java.math.BigDecimal.ONE, java.math.BigDecimal.TEN).bracket()).isTrue();
        assertThat(new OrderRequest("o", "AAA", OrderSide.BUY, 1, OrderType.MARKET, null, java.math.BigDecimal.ONE, null).bracket()).isFalse();
    }
}
