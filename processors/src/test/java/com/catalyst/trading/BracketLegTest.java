package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BracketLegTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyIdParsesBackToItsLeg() {
        for (BracketLeg leg : BracketLeg.values()) {
            assertThat(BracketLeg.of(leg.id())).isSameAs(leg);
            assertThat(leg.toString()).as("text as the string was").isEqualTo(leg.id());
        }
        assertThat(BracketLeg.STOP_LOSS.id()).isEqualTo("stop_loss");
        assertThat(BracketLeg.TAKE_PROFIT.id()).isEqualTo("take_profit");
    }

    @Test
    void aStopLossIsAStopOrderAndATakeProfitALimit() {
        assertThat(BracketLeg.STOP_LOSS.orderType()).isSameAs(OrderType.STOP);
        assertThat(BracketLeg.TAKE_PROFIT.orderType()).isSameAs(OrderType.LIMIT);
    }

    @Test
    void anyOtherValueIsRefusedByName() {
        // a trailing stop is on record as orders.leg trailing_stop, but it is no bracket leg
        assertThatThrownBy(() -> BracketLeg.of("trailing_stop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bracket leg must be stop_loss or take_profit, got 'trailing_stop'");
        assertThatThrownBy(() -> BracketLeg.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonCarriesTheId() throws Exception {
        assertThat(json.writeValueAsString(BracketLeg.TAKE_PROFIT)).isEqualTo("\"take_profit\"");
        assertThat(json.readValue("\"stop_loss\"", BracketLeg.class)).isSameAs(BracketLeg.STOP_LOSS);
        assertThatThrownBy(() -> json.readValue("\"STOP_LOSS\"", BracketLeg.class)).hasMessageContaining("bracket leg must be");
    }
}
