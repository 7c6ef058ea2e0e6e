package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderTypeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyIdParsesBackToItsType() {
        for (OrderType type : OrderType.values()) {
            assertThat(OrderType.of(type.id())).isSameAs(type);
            assertThat(type.toString()).as("text as the string was").isEqualTo(type.id());
        }
        assertThat(OrderType.values()).extracting(OrderType::id).containsExactly("market", "limit", "stop", "stop_limit", "trailing_stop");
    }

    @Test
    void anyOtherValueIsRefusedByName() {
        assertThatThrownBy(() -> OrderType.of("trailing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order type must be market, limit, stop, stop_limit or trailing_stop, got 'trailing'");
        assertThatThrownBy(() -> OrderType.of("MARKET")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderType.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonCarriesTheId() throws Exception {
        assertThat(json.writeValueAsString(OrderType.TRAILING_STOP)).isEqualTo("\"trailing_stop\"");
        assertThat(json.readValue("\"limit\"", OrderType.class)).isSameAs(OrderType.LIMIT);
        assertThatThrownBy(() -> json.readValue("\"LIMIT\"", OrderType.class)).hasMessageContaining("order type must be");
    }
}
