package com.catalyst.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Which route files a process loads, from {@code catalyst.bundles}: the bundles' own, and a backtest's where the workflow runs. */
class BundleTopologyRoutesTest {

    private static final String DIR = Path.of("routes").toAbsolutePath().normalize().toString();

    private static List<String> routeFiles(String bundles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("catalyst.bundles", bundles, "catalyst.routes.dir", "routes")));
        new BundleTopologyPostProcessor().postProcessEnvironment(env, null);
        return List.of(env.getProperty("camel.main.routes-include-pattern").split(","));
    }

    @Test
    void allInOneLoadsEveryFile() {
        assertThat(routeFiles("all")).containsExactly("file:" + DIR + "/*.yaml");
    }

    @Test
    void aBundleAloneLoadsItsOwnFilesOnly() {
        // and the notification routes (with any notify-*.camel.yaml channel dropped in): every process emits events
        assertThat(routeFiles("scanner")).containsExactly("file:" + DIR + "/scanner*.yaml", "file:" + DIR + "/notify*.yaml");
        assertThat(routeFiles("risk,trading")).containsExactly("file:" + DIR + "/risk*.yaml", "file:" + DIR + "/trading*.yaml",
                "file:" + DIR + "/notify*.yaml");
    }

    @Test
    void theWorkflowsProcessAlsoLoadsTheBacktestRoutesOfTheBundlesItDoesNotServe() {
        assertThat(routeFiles("workflow,scanner")).containsExactly("file:" + DIR + "/workflow*.yaml", "file:" + DIR + "/scanner*.yaml",
                "file:" + DIR + "/notify*.yaml", "file:" + DIR + "/pattern-backtest.camel.yaml", "file:" + DIR + "/technical-backtest.camel.yaml",
                "file:" + DIR + "/risk-backtest.camel.yaml", "file:" + DIR + "/trading-backtest.camel.yaml",
                "file:" + DIR + "/news-backtest.camel.yaml");
    }

    @Test
    void aSweepWorkerLoadsTheBacktestCycleEveryBundlesBacktestStepsAndTheTrialsConsumerOnly() {
        assertThat(routeFiles("backtest-worker")).containsExactly("file:" + DIR + "/notify*.yaml",
                "file:" + DIR + "/scanner-backtest.camel.yaml", "file:" + DIR + "/pattern-backtest.camel.yaml",
                "file:" + DIR + "/technical-backtest.camel.yaml", "file:" + DIR + "/risk-backtest.camel.yaml",
                "file:" + DIR + "/trading-backtest.camel.yaml", "file:" + DIR + "/news-backtest.camel.yaml",
                "file:" + DIR + "/workflow-cycle.camel.yaml",
                "file:" + DIR + "/backtest-worker.camel.yaml");
        StandardEnvironment env = topology("backtest-worker");
        assertThat(env.getProperty("catalyst.sweep.worker.enabled")).isEqualTo("true");
        assertThat(env.getProperty("catalyst.bundles.active")).isEmpty();
        assertThat(env.getProperty("server.port")).isEqualTo("5011");
        assertThat(topology("all").getProperty("catalyst.sweep.worker.enabled")).as("the all-in-one takes no trials").isEqualTo("false");
    }

    @Test
    void aWorkerBesideABundleServesBothAndAnUnknownNameIsNamed() {
        assertThat(routeFiles("scanner,backtest-worker")).contains("file:" + DIR + "/scanner*.yaml",
                "file:" + DIR + "/backtest-worker.camel.yaml").doesNotContain("file:" + DIR + "/scanner-backtest.camel.yaml");
        assertThat(topology("scanner,backtest-worker").getProperty("server.port")).isEqualTo("5001");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> topology("backtest-workers"))
                .hasMessageContaining("unknown bundle 'backtest-workers'").hasMessageContaining("backtest-worker");
    }

    private static StandardEnvironment topology(String bundles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("catalyst.bundles", bundles, "catalyst.routes.dir", "routes")));
        new BundleTopologyPostProcessor().postProcessEnvironment(env, null);
        return env;
    }
}
