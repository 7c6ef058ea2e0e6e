package com.catalyst.metrics;

import java.time.Duration;
import java.util.Map;

import com.catalyst.trading.OrderOutcome;
import com.catalyst.workflow.CycleSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The trading domain's own metrics, beside Camel's route metrics: cycles by status and their duration, how many
 * candidates each funnel step keeps, orders by kind and status, and fills. docs/operations.md §9 and
 * compose/grafana/catalyst-dashboard.json use these names; change them together.
 */
@Component
public class TradingMetrics {

    /** Funnel steps, in the cycle's order, as the {@code step} tag of {@code catalyst_cycle_candidates}. */
    static final String[] FUNNEL_STEPS = {"universe", "scan", "news", "pattern", "technical", "picked"};

    private final MeterRegistry registry;

    public TradingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A cycle ended with its summary (completed or failed after it was created). */
    public void cycleEnded(CycleSummary summary) {
        String status = summary.status();
        counter("catalyst.cycles", "Trading cycles that ended, by status", "status", status).increment();
        Timer.builder("catalyst.cycle.duration").description("Duration of a trading cycle, by status")
                .tag("status", status)
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry).record(Duration.ofMillis(summary.durationMs()));
        // a failed cycle's funnel is cut short: only completed cycles describe how the funnel narrows
        if ("completed".equals(status)) {
            int[] kept = {summary.scanned(), summary.candidates(), summary.afterNews(), summary.afterPattern(),
                    summary.afterTechnical(), summary.picked()};
            for (int i = 0; i < FUNNEL_STEPS.length; i++) {
                DistributionSummary.builder("catalyst.cycle.candidates").description("Candidates kept by each funnel step of a completed cycle")
                        .tag("step", FUNNEL_STEPS[i]).register(registry).record(kept[i]);
            }
        }
    }

    /** A cycle refused before it had a record (for example the database was down when it began). */
    public void cycleNotStarted() {
        counter("catalyst.cycles", "Trading cycles that ended, by status", "status", "not_started").increment();
    }

    /** One order's final outcome, where the trading bundle runs. */
    public void orderEnded(OrderOutcome outcome) {
        Map<String, String> tags = Map.of("kind", String.valueOf(outcome.kind()), "status", String.valueOf(outcome.status()));
        Counter.builder("catalyst.orders").description("Orders by kind (entry, exit) and final status")
                .tags("kind", tags.get("kind"), "status", tags.get("status")).register(registry).increment();
        if (outcome.filledQuantity() > 0) {
            Counter.builder("catalyst.fills").description("Fills by kind and side")
                    .tags("kind", tags.get("kind"), "side", String.valueOf(outcome.side())).register(registry).increment();
            Counter.builder("catalyst.filled.shares").description("Shares filled, by side").baseUnit("shares")
                    .tags("side", String.valueOf(outcome.side())).register(registry).increment(outcome.filledQuantity());
        }
    }

    /** A fill the order sync recorded after the order's first answer: a resting order, the rest of a partial, a bracket leg. */
    public void laterFill(String kind, String side, int quantity) {
        Counter.builder("catalyst.fills").description("Fills by kind and side").tags("kind", kind, "side", side).register(registry).increment();
        Counter.builder("catalyst.filled.shares").description("Shares filled, by side").baseUnit("shares")
                .tags("side", side).register(registry).increment(quantity);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
