package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderSideTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyIdParsesBackToItsSide() {
        for (OrderSide side : OrderSide.values()) {
            assertThat(OrderSide.of(side.id())).isSameAs(side);
            assertThat(side.toString()).as("text as the string was").isEqualTo(side.id());
        }
        assertThat(OrderSide.BUY.id()).isEqualTo("buy");
        assertThat(OrderSide.SELL.id()).isEqualTo("sell");
    }

    @Test
    void anyOtherValueIsRefusedByName() {
        assertThatThrownBy(() -> OrderSide.of("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order side must be buy or sell, got 'short'");
        assertThatThrownBy(() -> OrderSide.of("BUY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderSide.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonCarriesTheId() throws Exception {
        assertThat(json.writeValueAsString(OrderSide.SELL)).isEqualTo("\"sell\"");
        assertThat(json.readValue("\"buy\"", OrderSide.class)).isSameAs(OrderSide.BUY);
        assertThatThrownBy(() -> json.readValue("\"BUY\"", OrderSide.class)).hasMessageContaining("order side must be buy or sell");
    }

    @Test
    void theOppositeSideClosesWhatASideOpened() {
        assertThat(OrderSide.BUY.opposite()).isSameAs(OrderSide.SELL);
        assertThat(OrderSide.SELL.opposite()).isSameAs(OrderSide.BUY);
    }
}
