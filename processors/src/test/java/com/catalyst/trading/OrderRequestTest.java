package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderRequestTest {

    @Test
    void acceptsBuysAndSellsOfAPositiveQuantity() {
        assertThat(new OrderRequest("o", "AAA", "buy", 1, "market", null, null, null).quantity()).isEqualTo(1);
        assertThat(new OrderRequest("o", "AAA", "sell", 500, "market", null, null, null).side()).isEqualTo("sell");
    }

    @Test
    void refusesAQuantityBelowOne() {
        assertThatThrownBy(() -> new OrderRequest("o-9", "AAA", "buy", 0, "market", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("o-9")
                .hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", "buy", -5, "market", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnySideButBuyOrSell() {
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", "short", 1, "market", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("side must be buy or sell");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", "BUY", 1, "market", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", null, 1, "market", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLimitNeedsALimitPriceAStopAStopPriceAndBothExitPricesMakeABracket() {
        assertThatThrownBy(() -> new OrderRequest("o-1", "AAA", "buy", 1, "limit", null, null, null))
                .hasMessageContaining("o-1").hasMessageContaining("limit price");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", "buy", 1, "stop", null, null, null, java.math.BigDecimal.ZERO))
                .hasMessageContaining("stop price");
        assertThatThrownBy(() -> new OrderRequest("o", "AAA", "buy", 1, "trailing", null, null, null))
                .hasMessageContaining("type must be market, limit, stop or trailing_stop");
        assertThat(new OrderRequest("o", "AAA", "buy", 1, null, null, null, null).type()).isEqualTo("market");
        assertThat(new OrderRequest("o", "AAA", "buy", 1, "market", null, java.math.BigDecimal.ONE, java.math.BigDecimal.TEN).bracket()).isTrue();
        assertThat(new OrderRequest("o", "AAA", "buy", 1, "market", null, java.math.BigDecimal.ONE, null).bracket()).isFalse();
    }
}
