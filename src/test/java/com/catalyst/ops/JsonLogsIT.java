package com.catalyst.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With CATALYST_LOG_FORMAT=json the packaged jar logs one JSON object a line, on the console and in its file: every
 * line parses, every line has timestamp, service, level and message, and every line of a cycle has its cycle id.
 */
class JsonLogsIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLineIsJsonAndEveryLineOfACycleCarriesItsId() throws Exception {
        TestDatabases.fresh("catalyst_it_logs");
        Path logDir = Files.createTempDirectory("catalyst-logs");
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_logs",
                "CATALYST_LOG_FORMAT", "json", "LOGGING_FILE_PATH", logDir.toString());
        String cycleId;
        Path console;
        try (CatalystProcess app = CatalystProcess.start("logs", TestPorts.free(), env, "--catalyst.workflow.auto-start=false",
                "--catalyst.clock.session-date=2026-01-06", "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0")) {
            app.awaitHealth("healthy", ofSeconds(300));
            // the cycle's lines are told by time, so it starts once start-up has logged its last lines: /health answers
            // before start-up reconciliation and the securities sync have logged theirs
            await().atMost(ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> app.get("/health").body()
                    .contains("\"reconciliation\":{\"status\":\"ok\"") && Files.readString(app.log()).contains("Securities master holds"));
            var response = app.post("/api/v1/workflow/cycles", "");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            cycleId = json.readTree(response.body()).get("cycle_id").asText();
            Thread.sleep(1000); // the wire-tapped report logs after the answer
            console = app.log();
        }

        List<JsonNode> lines = parseEveryLine(console);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("timestamp").asText()).as(line.toString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
            assertThat(line.path("service").asText()).isEqualTo("catalyst");
            assertThat(line.path("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.has("message")).as(line.toString()).isTrue();
        });
        List<JsonNode> cycle = linesOfTheCycle(lines);
        assertThat(cycle).as("log lines from 'Cycle started' to 'Cycle completed'").hasSizeGreaterThanOrEqualTo(2);
        assertThat(cycle).allSatisfy(line -> assertThat(line.path("cycleId").asText()).as(line.toString()).isEqualTo(cycleId));

        try (var files = Files.list(logDir)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
            assertThat(parseEveryLine(file)).as("the log file is JSON too").isNotEmpty()
                    .anySatisfy(line -> assertThat(line.path("cycleId").asText()).isEqualTo(cycleId));
        }
    }

    private List<JsonNode> parseEveryLine(Path file) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                try {
                    parsed.add(json.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line in " + file + ": " + line, e);
                }
            }
        }
        return parsed;
    }

    private static List<JsonNode> linesOfTheCycle(List<JsonNode> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String message = lines.get(i).path("message").asText();
            if (message.startsWith("Cycle started")) {
                start = i;
            } else if (start >= 0 && message.startsWith("Cycle completed")) {
                return lines.subList(start, i + 1);
            }
        }
        throw new AssertionError("no 'Cycle started' … 'Cycle completed' lines in the log");
    }
}
