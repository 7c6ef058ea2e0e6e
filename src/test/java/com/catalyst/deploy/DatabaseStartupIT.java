package com.catalyst.deploy;

import java.time.Duration;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Started before its database, the application waits and retries instead of dying, and comes up once PostgreSQL
 * arrives: the start order of a compose stack or a reboot does not matter.
 */
class DatabaseStartupIT {

    @Test
    void waitsForTheDatabaseThenComesUp() throws Exception {
        int pgPort = TestPorts.free();
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + pgPort + "/postgres");
        try (CatalystProcess app = CatalystProcess.start("db-late", TestPorts.free(), env,
                "--catalyst.workflow.auto-start=false", "--catalyst.database.startup-retry=500ms")) {
            await().atMost(ofSeconds(300)).pollInterval(Duration.ofMillis(250)).until(() -> app.tail().contains("Database not reachable yet"));
            Thread.sleep(2000); // the start-up keeps retrying meanwhile: no /health, more retry lines
            assertThat(app.tail()).contains("Database not reachable yet").contains("retrying in");
            assertThat(catchHealth(app)).as("no /health before the database arrives").isFalse();
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(pgPort).start()) {
                app.awaitHealth("healthy", ofSeconds(300));
                assertThat(app.tail()).contains("Database reachable after");
                // the newest migration of db/migration, by number: text order would say 9 after 12
                assertThat(app.get("/health").body()).contains("\"schema\":\"5.0 (migration " + newestMigration() + ")\"");
            }
        }
    }

    private static int newestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    private static boolean catchHealth(CatalystProcess app) {
        try {
            return app.get("/health").statusCode() > 0;
        } catch (Exception notListening) {
            return false;
        }
    }
}
