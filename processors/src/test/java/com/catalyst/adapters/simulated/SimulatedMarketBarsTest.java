package com.catalyst.adapters.simulated;

import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.BarSanitizer;
import com.catalyst.market.MarketDataPort;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated market builds clean bars by construction (positive prices, a range holding open and close, volume of
 * at least 100, one bar a minute), which is why it serves them without a sanitizer: this checks that claim.
 */
class SimulatedMarketBarsTest {

    @Test
    void aWholeSessionOfEverySymbolPassesTheSanitizerUntouched() {
        SimulatedMarket market = new SimulatedMarket(new SimulatedScenario(20260105L, 200));
        LocalDate session = LocalDate.of(2026, 1, 6);
        BarIssueCounts counts = new BarIssueCounts();
        for (MarketDataPort.SecurityInfo security : market.universe()) {
            BarSanitizer sanitizer = new BarSanitizer(counts);
            market.intradayBars(security.symbol(), session, Instant.MAX).forEach(sanitizer::check);
            BarSanitizer daily = new BarSanitizer(counts);
            market.dailyBars(security.symbol(), session, 20).forEach(daily::check);
        }
        assertThat(counts.checked()).isEqualTo(200L * (390 + 20));
        assertThat(counts.snapshot().values()).allMatch(count -> count == 0);
    }
}
