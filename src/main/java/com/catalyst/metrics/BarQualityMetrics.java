package com.catalyst.metrics;

import java.util.Locale;

import com.catalyst.market.BarIssue;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.MarketDataPort;
import com.catalyst.adapters.replay.ReplayMarket;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Publishes what the bar sanitizer of the market adapter found: {@code catalyst_bars_checked_total},
 * {@code catalyst_bars_rejected_total{reason=…}} (one series a rejecting rule, plus {@code malformed_row} for a row
 * that could not be read) and {@code catalyst_bars_repaired_total{reason=…}}. Every series exists from start-up at 0.
 */
@Component
public class BarQualityMetrics {

    public BarQualityMetrics(MeterRegistry registry, BarIssueCounts counts, MarketDataPort market) {
        FunctionCounter.builder("catalyst.bars.checked", counts, BarIssueCounts::checked)
                .description("bars checked by the sanitizer").register(registry);
        for (BarIssue issue : BarIssue.values()) {
            String name = issue.action() == BarIssue.Action.REJECT ? "catalyst.bars.rejected" : "catalyst.bars.repaired";
            FunctionCounter.builder(name, counts, c -> c.count(issue))
                    .tag("reason", issue.name().toLowerCase(Locale.ROOT))
                    .description("bars the sanitizer rejected or repaired, by reason").register(registry);
        }
        // only the replay adapter reads text; the simulated one builds its bars and has no row to misread
        if (market instanceof ReplayMarket replay) {
            FunctionCounter.builder("catalyst.bars.rejected", replay, ReplayMarket::malformedRows)
                    .tag("reason", "malformed_row").register(registry);
        }
    }
}
