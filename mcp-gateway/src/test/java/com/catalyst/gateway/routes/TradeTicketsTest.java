package com.catalyst.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.gateway.tools.ToolFailure;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.risk.RiskRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

/** check_trade_risk and execute_trade: the side the trader names goes to risk, and a short's entry is looked up as a sell. */
class TradeTicketsTest {

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final Map<String, Object> TECHNICAL = Map.of("latest", Map.of("price", 40.0, "atr", 0.5, "signal_score", 30.0));

    private final TradeTickets tickets;

    TradeTicketsTest() {
        CycleDesk cycles = mock(CycleDesk.class);
        when(cycles.mode()).thenReturn("normal");
        tickets = new TradeTickets(JSON, mock(TradingClock.class), cycles);
    }

    private RiskRequest request(String side) throws Exception {
        return JSON.readValue(tickets.riskRequest("20261207-001", "AAA", side, TECHNICAL), RiskRequest.class);
    }

    @Test
    void theSideNamedIsTheProposalsSideAndNoneIsLong() throws Exception {
        assertThat(request("short").proposals()).singleElement().satisfies(p -> {
            assertThat(p.side()).isEqualTo("short");
            assertThat(p.entryPrice()).isEqualByComparingTo("40.0");
            assertThat(p.atr()).isEqualTo(0.5);
        });
        assertThat(request("long").proposals().get(0).side()).isEqualTo("long");
        assertThat(request(null).proposals().get(0).side()).isEqualTo("long");
    }

    @Test
    void aShortsEntryIsTheCyclesSellSoALongAndAShortAreLookedUpApart() {
        assertThat(tickets.entryClientOrderId("20261207-001", "AAA", "short")).isEqualTo("CAT-20261207-001-AAA-sell");
        assertThat(tickets.entryClientOrderId("20261207-001", "AAA", "long")).isEqualTo("CAT-20261207-001-AAA-buy");
        assertThatThrownBy(() -> tickets.requireNoEntry("20261207-001", "AAA", "short", true))
                .isInstanceOf(ToolFailure.class).hasMessageContaining("CAT-20261207-001-AAA-sell");
        tickets.requireNoEntry("20261207-001", "AAA", "short", false); // none on record: no refusal
    }
}
