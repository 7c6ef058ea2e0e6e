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
}
