package com.catalyst.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the log format before logging starts: the console stays human-readable unless
 * {@code catalyst.log.format=json} (CATALYST_LOG_FORMAT); the log file, when one is configured, is always JSON.
 * JSON lines are Spring Boot's Logstash format with {@code timestamp} (renamed from {@code @timestamp}) and
 * {@code service}, the same name /health gives the process; MDC keys such as {@code cycleId} are top-level fields.
 */
public class LogFormatPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String JSON_FORMAT = "logstash";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String format = env.getProperty("catalyst.log.format", "text").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("catalyst.log.format (CATALYST_LOG_FORMAT) must be text or json, got '" + format + "'");
        }
        Map<String, Object> props = new HashMap<>();
        if (format.equals("json")) {
            props.put("logging.structured.format.console", JSON_FORMAT);
        }
        // files are read by log shippers, not people: always JSON
        props.put("logging.structured.format.file", JSON_FORMAT);
        props.put("logging.structured.json.rename[@timestamp]", "timestamp");
        props.put("logging.structured.json.add.service", serviceName(env.getProperty("catalyst.bundles", "all")));
        env.getPropertySources().addLast(new MapPropertySource("catalystLogFormat", props));
    }

    /** "catalyst" for the all-in-one, else the comma list of bundles: what /health says as "service". */
    public static String serviceName(String bundles) {
        Set<Bundle> active = BundleTopologyPostProcessor.activeBundles(bundles);
        String served = active.size() == Bundle.values().length ? "catalyst" : active.stream().map(Bundle::id).collect(Collectors.joining(","));
        return !BundleTopologyPostProcessor.namesWorker(bundles) ? served : served.isEmpty() ? BundleTopologyPostProcessor.BACKTEST_WORKER
                : served + "," + BundleTopologyPostProcessor.BACKTEST_WORKER;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
