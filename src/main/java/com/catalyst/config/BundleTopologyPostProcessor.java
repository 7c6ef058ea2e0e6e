package com.catalyst.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code catalyst.bundles} into the process's topology before any bean exists: which route files load,
 * which port it listens on, and for every bundle operation the endpoint URI that routes call
 * ({@code catalyst.endpoint.<bundle>-<op>}): {@code direct:} when the bundle runs here, HTTP when it runs elsewhere.
 */
public class BundleTopologyPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "catalystTopology";
    /** The file a bundle's backtest steps live in: {@code <bundle>-backtest.camel.yaml}. */
    static final String BACKTEST_ROUTES = "-backtest.camel.yaml";
    /**
     * Not one of the nine bundles but a role: a process that takes a sweep's trials from Kafka and runs them through
     * the backtest routes (routes/backtest-worker.camel.yaml, docs/research.md). Alone or beside bundles.
     */
    public static final String BACKTEST_WORKER = "backtest-worker";
    /** The worker's port when it runs alone and none is given: its health and metrics. */
    public static final int BACKTEST_WORKER_PORT = 5011;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String setting = env.getProperty("catalyst.bundles", "all");
        boolean worker = namesWorker(setting);
        Set<Bundle> active = activeBundles(setting);
        boolean allInOne = active.size() == Bundle.values().length;
        Map<String, Object> props = new HashMap<>();

        props.put("catalyst.bundles.active", active.stream().map(Bundle::id).collect(Collectors.joining(",")));
        props.put("catalyst.bundles.all-in-one", Boolean.toString(allInOne));
        props.put("catalyst.sweep.worker.enabled", Boolean.toString(worker));
        for (Bundle bundle : Bundle.values()) {
            props.put("catalyst.bundle." + bundle.id() + ".enabled", Boolean.toString(active.contains(bundle)));
        }

        Bundle primary = active.isEmpty() ? null
                : allInOne || active.contains(Bundle.ORCHESTRATION) ? Bundle.ORCHESTRATION : active.iterator().next();
        int seedPort = primary == null ? BACKTEST_WORKER_PORT : primary.seedPort();
        boolean portGiven = env.containsProperty("server.port");
        int port = portGiven ? env.getProperty("server.port", Integer.class, seedPort) : seedPort;
        props.put("server.port", Integer.toString(port));
        // a process running several bundles apart from the all-in-one also listens on their seed ports
        List<String> extraPorts = new ArrayList<>();
        if (!allInOne && !portGiven) {
            active.stream().filter(b -> b != primary).forEach(b -> extraPorts.add(Integer.toString(b.seedPort())));
        }
        props.put("catalyst.server.extra-ports", String.join(",", extraPorts));

        String connectTimeout = env.getProperty("catalyst.services.connect-timeout-ms", "2000");
        String responseTimeout = env.getProperty("catalyst.services.response-timeout-ms", "30000");
        for (Bundle bundle : Bundle.values()) {
            String base = env.getProperty("catalyst.services." + bundle.id() + ".url", "http://127.0.0.1:" + bundle.seedPort());
            for (String op : bundle.operations()) {
                String key = "catalyst.endpoint." + bundle.id() + "-" + op;
                if (env.containsProperty(key)) {
                    continue; // an explicit endpoint always wins
                }
                props.put(key, active.contains(bundle)
                        ? "direct:" + bundle.id() + "-" + op
                        : stripSlash(base) + "/api/v1/" + bundle.id() + "/" + op
                                + "?httpMethod=POST&connectTimeout=" + connectTimeout + "&responseTimeout=" + responseTimeout);
            }
        }

        Path routesDir = routesDirectory(env);
        List<String> files = new ArrayList<>();
        if (allInOne) {
            files.add("file:" + routesDir + "/*.yaml");
        } else {
            active.forEach(b -> files.add("file:" + routesDir + "/" + b.id() + "*.yaml"));
            // every process emits notifications: each loads the notify routes (and dropped-in notify-*.camel.yaml channels)
            files.add("file:" + routesDir + "/notify*.yaml");
            // a backtest runs where the workflow bundle runs, in memory, through every bundle's backtest route: that
            // process loads the backtest routes of the bundles it does not serve live as well (docs/backtesting.md)
            // a worker runs a sweep's trials through them too, with the backtest cycle and its consumer of the trials topic
            if (active.contains(Bundle.WORKFLOW) || worker) {
                for (Bundle b : Bundle.values()) {
                    // the workflow's own backtest file is the backtests' REST API: only where the workflow runs
                    boolean api = b == Bundle.WORKFLOW;
                    if (!active.contains(b) && !api && Files.exists(routesDir.resolve(b.id() + BACKTEST_ROUTES))) {
                        files.add("file:" + routesDir + "/" + b.id() + BACKTEST_ROUTES);
                    }
                }
            }
            if (worker) {
                if (!active.contains(Bundle.WORKFLOW)) {
                    files.add("file:" + routesDir + "/workflow-cycle.camel.yaml");
                }
                files.add("file:" + routesDir + "/" + BACKTEST_WORKER + ".camel.yaml");
            }
        }
        String pattern = String.join(",", files);
        props.put("camel.main.routes-include-pattern", pattern);
        props.put("catalyst.routes.absolute-dir", routesDir.toString());
        if (env.getProperty("catalyst.routes.reload", Boolean.class, false)) {
            props.put("camel.main.routes-reload-enabled", "true");
            props.put("camel.main.routes-reload-directory", routesDir.toString());
            props.put("camel.main.routes-reload-pattern", "*.yaml");
            props.put("camel.main.routes-reload-remove-all-routes", "false");
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
    }

    /** Whether {@code catalyst.bundles} names the {@link #BACKTEST_WORKER} role. */
    public static boolean namesWorker(String setting) {
        for (String part : (setting == null ? "" : setting).split(",")) {
            if (part.trim().equalsIgnoreCase(BACKTEST_WORKER)) {
                return true;
            }
        }
        return false;
    }

    /** The bundles a process serves: all, or those named; none when it is only a {@link #BACKTEST_WORKER}. */
    static Set<Bundle> activeBundles(String setting) {
        String value = setting == null ? "" : setting.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("all")) {
            return EnumSet.allOf(Bundle.class);
        }
        Set<Bundle> bundles = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (part.trim().equalsIgnoreCase("all")) {
                bundles.addAll(EnumSet.allOf(Bundle.class));
            } else if (!part.isBlank() && !part.trim().equalsIgnoreCase(BACKTEST_WORKER)) {
                bundles.add(Bundle.fromId(part));
            }
        }
        if (bundles.isEmpty() && !namesWorker(value)) {
            throw new IllegalArgumentException("catalyst.bundles (CATALYST_BUNDLES) names no bundle: '" + setting + "'");
        }
        return bundles;
    }

    private static Path routesDirectory(ConfigurableEnvironment env) {
        String configured = env.getProperty("catalyst.routes.dir", "routes");
        Path dir = Path.of(configured);
        if (!dir.isAbsolute()) {
            dir = Path.of(System.getProperty("user.dir")).resolve(dir);
        }
        dir = dir.normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("catalyst.routes.dir (CATALYST_ROUTES_DIR): the routes folder " + dir
                    + " does not exist; start Catalyst from the project folder or point the setting at its routes/ folder");
        }
        return dir;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
