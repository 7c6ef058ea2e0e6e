package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PositionSideTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyIdParsesBackToItsSide() {
        for (PositionSide side : PositionSide.values()) {
            assertThat(PositionSide.of(side.id())).isSameAs(side);
            assertThat(side.toString()).as("text as the string was").isEqualTo(side.id());
        }
        assertThat(PositionSide.LONG.id()).isEqualTo("long");
        assertThat(PositionSide.SHORT.id()).isEqualTo("short");
    }

    @Test
    void anyOtherValueIsRefusedByName() {
        assertThatThrownBy(() -> PositionSide.of("buy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("position side must be long or short, got 'buy'");
        assertThatThrownBy(() -> PositionSide.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongBuysToOpenAndSellsToCloseAShortTheOtherWayRound() {
        assertThat(PositionSide.LONG.entryOrderSide()).isSameAs(OrderSide.BUY);
        assertThat(PositionSide.LONG.exitOrderSide()).isSameAs(OrderSide.SELL);
        assertThat(PositionSide.SHORT.entryOrderSide()).isSameAs(OrderSide.SELL);
        assertThat(PositionSide.SHORT.exitOrderSide()).isSameAs(OrderSide.BUY);
        assertThat(PositionSide.openedBy(OrderSide.BUY)).isSameAs(PositionSide.LONG);
        assertThat(PositionSide.openedBy(OrderSide.SELL)).isSameAs(PositionSide.SHORT);
    }

    @Test
    void jsonCarriesTheId() throws Exception {
        assertThat(json.writeValueAsString(PositionSide.SHORT)).isEqualTo("\"short\"");
        assertThat(json.readValue("\"long\"", PositionSide.class)).isSameAs(PositionSide.LONG);
        assertThatThrownBy(() -> json.readValue("\"buy\"", PositionSide.class)).hasMessageContaining("position side must be long or short");
    }
}
