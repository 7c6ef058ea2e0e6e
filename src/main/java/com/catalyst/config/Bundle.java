package com.catalyst.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The nine route bundles, their seed ports and the operations other bundles call.
 * An operation {@code op} of bundle {@code b} is served as {@code direct:b-op} in-JVM and as
 * {@code POST /api/v1/b/op} over HTTP; see {@link CatalystEnvironmentPostProcessor} for how one is chosen.
 */
public enum Bundle {
    ORCHESTRATION(5000),
    WORKFLOW(5010, "run-cycle"),
    SCANNER(5001, "scan"),
    PATTERN(5002, "analyze"),
    TECHNICAL(5003, "analyze"),
    RISK(5004, "evaluate", "check"),
    TRADING(5005, "execute", "manage"),
    NEWS(5008, "enrich"),
    REPORTING(5009, "cycle-report");

    private final int seedPort;
    private final List<String> operations;

    Bundle(int seedPort, String... operations) {
        this.seedPort = seedPort;
        this.operations = List.of(operations);
    }

    public int seedPort() {
        return seedPort;
    }

    public List<String> operations() {
        return operations;
    }

    /** Lower-case name used in properties, route ids, file names and paths. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Bundle fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(b -> b.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("catalyst.bundles (CATALYST_BUNDLES): unknown bundle '" + id
                        + "'; expected 'all' or a comma list of " + Arrays.stream(values()).map(Bundle::id).toList()
                        + " (and, to take a sweep's trials from Kafka, backtest-worker)"));
    }
}
