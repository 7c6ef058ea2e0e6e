package com.catalyst.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.catalyst.config.Bundle;
import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment the compose file describes, as nine processes of the jar on this machine: one bundle each, on free
 * ports, reaching each other through CATALYST_SERVICES_*_URL with service tokens. A cycle completes across all nine
 * and scripts/health-check.sh finds them healthy. Then one bundle at a time goes away: without news the cycle still
 * completes; without technical it fails cleanly with the reason; health-check.sh names the missing bundle and is
 * content again once it restarts.
 */
class NineProcessesIT {

    /** Small JVMs so that nine fit on two cores. */
    static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Bundle, CatalystProcess> processes = new EnumMap<>(Bundle.class);
    private final Map<Bundle, Integer> ports = new EnumMap<>(Bundle.class);
    private Map<String, String> env;
    private String[] settings;

    @Test
    void nineBundlesRunACycleTogetherAndSurviveLosingOne() throws Exception {
        TestDatabases.fresh("catalyst_it_nine");
        env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_nine",
                "CATALYST_SERVICE_TOKEN_SECRET", "nine-processes-it-secret-0123456789abcdef");
        List<String> common = new ArrayList<>(List.of("--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0"));
        for (Bundle bundle : Bundle.values()) {
            ports.put(bundle, TestPorts.free());
        }
        ports.forEach((bundle, port) -> common.add("--catalyst.services." + bundle.id() + ".url=http://127.0.0.1:" + port));
        settings = common.toArray(String[]::new);

        long started = System.nanoTime();
        for (Bundle bundle : Bundle.values()) {
            start(bundle);
        }
        for (CatalystProcess process : processes.values()) {
            process.awaitHealth("healthy", ofSeconds(600));
        }
        System.out.printf("nine processes healthy after %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

        JsonNode first = cycle();
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("completed");
        assertThat(first.get("placed").asInt()).isPositive();
        HealthCheck all = healthCheck();
        assertThat(all.exit).as(all.output).isZero();
        assertThat(all.output).contains("all 9 checked service(s) OK");

        // news is a fan-out: its loss costs the catalysts, not the cycle
        processes.remove(Bundle.NEWS).kill();
        HealthCheck newsDown = healthCheck();
        assertThat(newsDown.exit).as(newsDown.output).isEqualTo(1);
        assertThat(newsDown.output).contains("NOT OK: news (down");
        JsonNode withoutNews = cycle();
        assertThat(withoutNews.get("status").asText()).as(withoutNews.toString()).isEqualTo("completed");
        assertThat(withoutNews.get("news_status").asText()).isEqualTo("missing");
        start(Bundle.NEWS).awaitHealth("healthy", ofSeconds(300));

        // technical is on the critical path: the cycle fails, recorded with the reason
        processes.remove(Bundle.TECHNICAL).kill();
        HealthCheck technicalDown = healthCheck();
        assertThat(technicalDown.exit).isEqualTo(1);
        assertThat(technicalDown.output).contains("NOT OK: technical (down").doesNotContain("NOT OK: news");
        JsonNode withoutTechnical = cycle();
        assertThat(withoutTechnical.get("status").asText()).as(withoutTechnical.toString()).isEqualTo("failed");
        assertThat(withoutTechnical.get("failure_reason").asText()).containsIgnoringCase("connect");

        start(Bundle.TECHNICAL).awaitHealth("healthy", ofSeconds(300));
        HealthCheck recovered = healthCheck();
        assertThat(recovered.exit).as(recovered.output).isZero();
        assertThat(cycle().get("status").asText()).isEqualTo("completed");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (CatalystProcess process : processes.values()) {
            process.close();
        }
    }

    private CatalystProcess start(Bundle bundle) throws IOException {
        String[] args = java.util.Arrays.copyOf(settings, settings.length + 1);
        args[settings.length] = "--catalyst.bundles=" + bundle.id();
        CatalystProcess process = CatalystProcess.start(bundle.id(), ports.get(bundle), env, JVM, args);
        processes.put(bundle, process);
        return process;
    }

    private JsonNode cycle() throws Exception {
        var response = processes.get(Bundle.WORKFLOW).post("/api/v1/workflow/cycles", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HealthCheck healthCheck() throws Exception {
        String services = ports.entrySet().stream().map(e -> e.getKey().id() + "=http://127.0.0.1:" + e.getValue())
                .collect(Collectors.joining(","));
        Process script = new ProcessBuilder("bash", Path.of("scripts/health-check.sh").toString(), "--services", services, "--timeout", "5")
                .redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new HealthCheck(script.waitFor(), output);
    }

    private record HealthCheck(int exit, String output) {
    }
}
