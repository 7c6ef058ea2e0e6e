package com.catalyst.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.config.Bundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The body of {@code GET /health}: healthy, degraded (Redis down) or unhealthy (database down), with the service,
 * version, schema, timestamp, database and redis fields of the design, and each bundle this process runs.
 */
@Component("healthReporter")
public class HealthReporter {

    private final DependencyProbe probe;
    private final List<Bundle> active;
    private final boolean allInOne;
    private final String service;
    private final String version;
    private final ObjectProvider<com.catalyst.trading.ReconciliationDesk> reconciliation;
    private final ObjectProvider<MarketDataGuard> marketData;

    public HealthReporter(DependencyProbe probe, @Value("${catalyst.bundles:all}") String bundles,
                          @Value("${catalyst.bundles.active}") String active,
                          @Value("${catalyst.bundles.all-in-one}") boolean allInOne, ObjectProvider<BuildProperties> build,
                          ObjectProvider<com.catalyst.trading.ReconciliationDesk> reconciliation,
                          ObjectProvider<MarketDataGuard> marketData) {
        this.probe = probe;
        this.marketData = marketData;
        this.reconciliation = reconciliation;
        // none for a sweep worker alone (CATALYST_BUNDLES=backtest-worker)
        this.active = java.util.Arrays.stream(active.split(",")).filter(b -> !b.isBlank()).map(Bundle::fromId).toList();
        this.allInOne = allInOne;
        // named as the logs name this process (a bundle list, "catalyst", or with the sweep worker's role)
        this.service = com.catalyst.config.LogFormatPostProcessor.serviceName(bundles);
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : HealthReporter.class.getPackage().getImplementationVersion() == null
                ? "dev" : HealthReporter.class.getPackage().getImplementationVersion();
    }

    /** The full report, as the process itself and every credentialed caller see it. */
    public Map<String, Object> report() {
        return report("local");
    }

    /**
     * The report for {@code caller} (the security chain's X-Catalyst-Caller): an anonymous caller beyond loopback sees
     * the state of reconciliation but not its reason, which may quote the broker's error text.
     */
    public Map<String, Object> report(String caller) {
        String status = !probe.isDatabaseUp() ? "unhealthy" : probe.isRedisUp() ? "healthy" : "degraded";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("service", service);
        body.put("version", version);
        body.put("schema", probe.schemaVersion());
        body.put("timestamp", Instant.now().toString());
        body.put("database", probe.isDatabaseUp() ? "up" : "down");
        body.put("redis", probe.isRedisUp() ? "up" : "down");
        body.put("mode", allInOne ? "all-in-one" : "split");
        // whether the record and the broker agree: until they do, no entry is placed, and this says why
        com.catalyst.trading.ReconciliationDesk desk = reconciliation.getIfAvailable();
        if (desk != null) {
            Map<String, Object> reconciled = desk.status();
            body.put("reconciliation", "anonymous".equals(caller) ? Map.of("status", reconciled.get("status")) : reconciled);
        }
        // the live feed: which, connected or not, the age of the last bar (absent for the simulated and replayed markets)
        MarketDataGuard guard = marketData.getIfAvailable();
        if (guard != null) {
            guard.status().ifPresent(market -> body.put("market", "anonymous".equals(caller)
                    ? Map.of("connected", market.get("connected"), "stale", market.get("stale")) : market));
        }
        List<Map<String, Object>> bundles = new ArrayList<>();
        for (Bundle bundle : active) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("service", bundle.id());
            b.put("port", bundle.seedPort());
            b.put("status", status);
            bundles.add(b);
        }
        body.put("bundles", bundles);
        return body;
    }

    /** 503 when unhealthy, so load balancers and compose health checks act on it; degraded still serves. */
    public int httpStatus(Map<String, Object> report) {
        return "unhealthy".equals(report.get("status")) ? 503 : 200;
    }
}
