package com.catalyst.metrics;

import java.util.concurrent.atomic.AtomicReference;

import com.catalyst.reporting.PnlSnapshot;
import com.catalyst.reporting.ReportRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * P&L and open positions as gauges, read from the record (performance_daily and positions, through
 * ReportRepository.pnlSnapshot) where reporting runs, so that exactly one process publishes them. Refreshed after each
 * cycle report, never at scrape time: a scrape must not wait on the database.
 */
@Component
@ConditionalOnProperty(name = "catalyst.bundle.reporting.enabled", havingValue = "true")
public class PnlGauges {

    private static final Logger LOG = LoggerFactory.getLogger(PnlGauges.class);

    private final ReportRepository reports;
    private final AtomicReference<PnlSnapshot> latest = new AtomicReference<>(new PnlSnapshot(0, 0, 0));

    public PnlGauges(ReportRepository reports, MeterRegistry registry) {
        this.reports = reports;
        Gauge.builder("catalyst.pnl.realized", latest, s -> s.get().realized()).baseUnit("usd")
                .description("Realized P&L of the latest trading day in the record (performance_daily)").register(registry);
        Gauge.builder("catalyst.pnl.unrealized", latest, s -> s.get().unrealized()).baseUnit("usd")
                .description("Unrealized P&L of the open positions at the latest cycle report").register(registry);
        Gauge.builder("catalyst.positions.open", latest, s -> s.get().openPositions())
                .description("Open positions in the record").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void refresh() {
        try {
            reports.pnlSnapshot().ifPresent(latest::set);
        } catch (RuntimeException e) {
            // the gauges keep their last values while the database is away; /health says why
            LOG.debug("P&L gauges not refreshed: {}", e.getMessage());
        }
    }
}
