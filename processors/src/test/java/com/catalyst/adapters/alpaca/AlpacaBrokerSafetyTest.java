package com.catalyst.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Alpaca broker starts only on Alpaca's market data and the real clock, and says which setting is wrong. */
class AlpacaBrokerSafetyTest {

    @Test
    void onTheSimulatedMarketTheAlpacaBrokerDoesNotStart() {
        assertThatThrownBy(() -> AlpacaBrokerSafety.requireLiveMarket("simulated", "simulated"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalyst.market.adapter").hasMessageContaining("CATALYST_MARKET_ADAPTER")
                .hasMessageContaining("catalyst.clock.mode").hasMessageContaining("CATALYST_CLOCK_MODE")
                .hasMessageContaining("simulated prices");
    }

    @Test
    void eachWrongSettingIsNamedAlone() {
        assertThatThrownBy(() -> AlpacaBrokerSafety.requireLiveMarket("replay", "real"))
                .hasMessageContaining("catalyst.market.adapter (CATALYST_MARKET_ADAPTER) is replay, must be alpaca")
                .hasMessageNotContaining("catalyst.clock.mode (CATALYST_CLOCK_MODE) is");
        assertThatThrownBy(() -> AlpacaBrokerSafety.requireLiveMarket("alpaca", "simulated"))
                .hasMessageContaining("catalyst.clock.mode (CATALYST_CLOCK_MODE) is simulated, must be real")
                .hasMessageNotContaining("catalyst.market.adapter (CATALYST_MARKET_ADAPTER) is");
    }

    @Test
    void alpacasMarketOnTheRealClockStarts() {
        assertThatCode(() -> AlpacaBrokerSafety.requireLiveMarket("alpaca", "real")).doesNotThrowAnyException();
    }
}
