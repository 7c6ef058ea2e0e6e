package com.catalyst.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run command on its embedded defaults: no database configured, so the jar starts its own PostgreSQL, migrates
 * it, trades a cycle; after a restart on the same data folder the record is still there and numbering goes on.
 */
class EmbeddedRunIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void runsOnTheEmbeddedDatabaseAndKeepsItsRecordAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("catalyst-embedded");
        String pgPort = Integer.toString(TestPorts.free());
        String[] settings = {"--catalyst.database.embedded-dir=" + data.resolve("pgdata"), "--catalyst.database.embedded-port=" + pgPort,
                "--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06", "--catalyst.clock.start-time=11:00",
                "--catalyst.clock.speed=0"};
        String first;
        try (CatalystProcess app = CatalystProcess.start("embedded-1", TestPorts.free(), Map.of(), settings)) {
            app.awaitHealth("healthy", ofSeconds(300));
            JsonNode cycle = json.readTree(app.post("/api/v1/workflow/cycles", "").body());
            assertThat(cycle.get("status").asText()).isEqualTo("completed");
            first = cycle.get("cycle_id").asText();
        }
        assertThat(data.resolve("pgdata").resolve("PG_VERSION")).exists();
        try (CatalystProcess app = CatalystProcess.start("embedded-2", TestPorts.free(), Map.of(), settings)) {
            app.awaitHealth("healthy", ofSeconds(300));
            assertThat(app.get("/api/v1/workflow/cycles?limit=5").body()).contains(first);
            JsonNode next = json.readTree(app.post("/api/v1/workflow/cycles", "").body());
            assertThat(next.get("cycle_id").asText()).isEqualTo(first.substring(0, 9) + "002");
        }
    }
}
