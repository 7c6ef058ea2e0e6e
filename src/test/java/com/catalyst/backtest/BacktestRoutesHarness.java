package com.catalyst.backtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.catalyst.routing.ErrorPolicies;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A Camel context holding only a backtest's cycle routes, read from the project's route files as the application reads
 * them (the cycle's template, routes/workflow-cycle.camel.yaml, and every routes/&lt;bundle&gt;-backtest.camel.yaml), with the
 * application's error policies and the steps' processors ({@link BacktestStep}): for tests and the benchmark, which run many
 * backtests without a database. Camel's managed statistics count each route's exchanges.
 */
public final class BacktestRoutesHarness implements AutoCloseable {

    /** The routes a backtest cycle passes through, in order: the workflow's, then each bundle's step. */
    public static final List<String> CYCLE_ROUTES = List.of("workflow-backtest-cycle", "trading-backtest-manage", "scanner-backtest-scan",
            "news-backtest-enrich", "pattern-backtest-analyze", "technical-backtest-analyze", "risk-backtest-evaluate", "trading-backtest-enter");

    private final CamelContext camel = new DefaultCamelContext();
    private final BacktestRouteRunner runner;
    private final List<String> files = new ArrayList<>();

    public BacktestRoutesHarness() {
        this(Path.of("routes"), new BacktestStages());
    }

    /** The routes of {@code routesDir} over the given steps (a test's may fail on purpose). */
    public BacktestRoutesHarness(Path routesDir, BacktestStages stages) {
        try {
            BacktestStep.bindAll(camel.getRegistry(), stages);
            camel.addRoutesConfigurations(new ErrorPolicies());
            List<Resource> resources = new ArrayList<>();
            try (var dir = Files.list(routesDir)) {
                for (Path p : dir.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith("-backtest.camel.yaml") && !name.startsWith("workflow") || name.equals("workflow-cycle.camel.yaml")) {
                        files.add(name);
                        resources.add(ResourceHelper.resolveResource(camel, "file:" + p.toAbsolutePath()));
                    }
                }
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
            camel.start();
            runner = new BacktestRouteRunner(camel);
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("could not start the backtest routes from " + routesDir + ": " + e.getMessage(), e);
        }
    }

    /** The runner that sends each cycle through the routes. */
    public BacktestEngine.CycleRunner runner() {
        return runner;
    }

    public CamelContext camel() {
        return camel;
    }

    /** The route files loaded. */
    public List<String> files() {
        return List.copyOf(files);
    }

    /** Exchanges each route of the context has completed or failed so far, by route id (Camel's managed route statistics). */
    public Map<String, Long> exchanges() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        Map<String, Long> out = new TreeMap<>();
        for (var route : camel.getRoutes()) {
            out.put(route.getRouteId(), managed.getManagedRoute(route.getRouteId()).getExchangesTotal());
        }
        return out;
    }

    public void resetCounts() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        for (var route : camel.getRoutes()) {
            try {
                managed.getManagedRoute(route.getRouteId()).reset();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        camel.stop();
    }
}
