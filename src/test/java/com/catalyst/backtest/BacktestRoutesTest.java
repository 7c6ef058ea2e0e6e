package com.catalyst.backtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backtest's cycles go through the bundles' backtest routes, read from routes/ as the application reads them: every
 * cycle reaches every bundle's step, in the live order, and the run decides exactly what the same steps decide called
 * directly (so the routes neither skip, repeat nor reorder a step). On the real SPY minutes of data/.
 */
class BacktestRoutesTest {

    static BacktestData spy;
    static BacktestRoutesHarness routes;


    @BeforeAll
    static void start() {
        spy = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
        routes = new BacktestRoutesHarness();
    }

    @AfterAll
    static void stop() {
        routes.close();
    }

    @Test
    void theCycleRoutesOfEveryBundleAreLoaded() {
        assertThat(routes.files()).containsExactly("news-backtest.camel.yaml", "pattern-backtest.camel.yaml", "risk-backtest.camel.yaml",
                "scanner-backtest.camel.yaml", "technical-backtest.camel.yaml", "trading-backtest.camel.yaml", "workflow-cycle.camel.yaml");
        // and the live instance of the cycle, loaded with the template it shares (never called here)
        java.util.List<String> expected = new java.util.ArrayList<>(BacktestRoutesHarness.CYCLE_ROUTES);
        expected.add("workflow-cycle");
        assertThat(routes.camel().getRoutes()).extracting(r -> r.getRouteId()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Issue 14, point 1: the cycle's order of steps is written once, the route template of routes/workflow-cycle.camel.yaml;
     * the live cycle and the backtests are its two instances, differing only in their step endpoints; the in-process
     * runner walks the same order.
     */
    @Test
    void theCycleIsDefinedOnceAndLiveAndBacktestsAreItsInstances() {
        org.apache.camel.model.ModelCamelContext model = (org.apache.camel.model.ModelCamelContext) routes.camel();
        var template = model.getRouteTemplateDefinition("trading-cycle");
        assertThat(template.getRoute().getOutputs()).extracting(o -> ((org.apache.camel.model.ToDefinition) o).getUri())
                .containsExactlyElementsOf(BacktestStages.CYCLE.stream().map(step -> "direct:{{steps}}-" + step).toList());
        Map<String, String> live = parameters(model, "workflow-cycle");
        Map<String, String> backtest = parameters(model, "workflow-backtest-cycle");
        assertThat(live).containsEntry("cycle", "workflow-cycle").containsEntry("steps", "workflow-step");
        assertThat(backtest).containsEntry("cycle", "workflow-backtest-cycle").containsEntry("steps", "backtest-step");
        // every backtest step endpoint has its route (in its bundle's backtest file)
        for (String step : BacktestStages.CYCLE) {
            assertThat(routes.camel().getRoutes()).as(step).anyMatch(r -> r.getEndpoint().getEndpointUri().equals("direct://backtest-step-" + step));
        }
    }

    private static Map<String, String> parameters(org.apache.camel.model.ModelCamelContext model, String routeId) {
        var route = model.getRouteDefinition(routeId);
        assertThat(route).as(routeId).isNotNull();
        assertThat(route.getRouteTemplateContext()).as(routeId + " comes from the template").isNotNull();
        Map<String, String> out = new java.util.TreeMap<>();
        route.getTemplateParameters().forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @Test
    void everyCycleGoesThroughEveryBundlesRouteAndDecidesWhatTheStepsDecideCalledDirectly() {
        for (String strategy : List.of(BacktestConfig.PATTERN, BacktestConfig.EMA_CROSS)) {
            routes.resetCounts();
            BacktestResult viaRoutes = new BacktestEngine(spy, Configs.defaults(strategy)).run(BacktestListener.NONE, routes.runner());
            Map<String, Long> counted = routes.exchanges();
            BacktestResult direct = new BacktestEngine(spy, Configs.defaults(strategy)).run(BacktestListener.NONE, BacktestEngine.IN_PROCESS);

            assertThat(viaRoutes.cycles()).as(strategy).isEqualTo(BacktestConfig.PATTERN.equals(strategy) ? 43 * 78 : 43 * 390);
            for (String step : BacktestRoutesHarness.CYCLE_ROUTES) {
                assertThat(counted.get(step)).as(strategy + " " + step).isEqualTo(viaRoutes.cycles());
            }
            assertThat(viaRoutes.trades()).as(strategy).isNotEmpty().containsExactlyElementsOf(direct.trades());
            assertThat(viaRoutes.equity()).as(strategy).containsExactlyElementsOf(direct.equity());
            assertThat(viaRoutes.proposals()).isEqualTo(direct.proposals()).isPositive();
            assertThat(viaRoutes.approved()).isEqualTo(direct.approved()).isPositive();
        }
    }

    @Test
    void aStepThatFailsFailsTheRunWithItsOwnException() {
        BacktestStages failing = new BacktestStages() {
            int calls;

            @Override
            public void risk(BacktestCycle cycle) {
                if (cycle.request() != null && ++calls == 3) {
                    throw new IllegalStateException("risk step failed at " + cycle.cycleId());
                }
                super.risk(cycle);
            }
        };
        try (BacktestRoutesHarness broken = new BacktestRoutesHarness(Path.of("routes"), failing)) {
            List<BacktestTrade> heard = new java.util.ArrayList<>();
            assertThatThrownBy(() -> new BacktestEngine(spy, Configs.defaults(BacktestConfig.EMA_CROSS)).run(new BacktestListener() {
                @Override
                public void trade(BacktestTrade trade) {
                    heard.add(trade);
                }
            }, broken.runner()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageMatching("risk step failed at 2011\\d{4}-\\d{3}");
            // the two entries before the failure were made; the steps after the failing one did not run for its cycle
            assertThat(broken.exchanges().get("risk-backtest-evaluate")).isEqualTo(broken.exchanges().get("trading-backtest-enter") + 1);
            assertThat(heard).hasSizeLessThanOrEqualTo(2);
        }
    }
}
