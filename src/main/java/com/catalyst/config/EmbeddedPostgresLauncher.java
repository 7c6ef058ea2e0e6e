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
 * <p>
 * A restart must never reach the previous run's server: a PostgreSQL still shutting down (its checkpoint on a busy
 * disk outlasting zonky's five-second stop) keeps its port and its {@code postmaster.pid}, and a new start on the same
 * folder and port would find that server answering, connect to it, and lose its connections when it ends. So a stop
 * waits until the server has left the folder, and a start first waits for a server that still holds the folder
 * (the process {@code postmaster.pid} names, if alive) to end.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static EmbeddedPostgres server;
    private static Path dataDirectory;
    /** How long a start or a stop waits for a server to leave the data folder. */
    static final java.time.Duration LEFTOVER_WAIT = java.time.Duration.ofSeconds(60);

    private EmbeddedPostgresLauncher() {
    }

    static synchronized Map<String, String> start(ConfigurableEnvironment env) {
        Path dataDir = Path.of(env.getProperty("catalyst.database.embedded-dir", "var/pgdata")).toAbsolutePath().normalize();
        int port = env.getProperty("catalyst.database.embedded-port", Integer.class, 54329);
        if (server == null) {
            try {
                Files.createDirectories(dataDir);
                awaitNoServerIn(dataDir, LEFTOVER_WAIT);
                LOG.info("No DATABASE_URL: starting the embedded PostgreSQL on 127.0.0.1:{} with its data in {}", port, dataDir);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                dataDirectory = dataDir;
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
                awaitNoServerIn(dataDirectory, LEFTOVER_WAIT);
            } catch (IOException | IllegalStateException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            server = null;
        }
    }

    /**
     * Waits while a live PostgreSQL holds {@code dataDir} (its {@code postmaster.pid} names a running process); a
     * leftover file of a dead process is not waited on (PostgreSQL itself replaces it). Fails naming the process after
     * {@code limit}.
     */
    static void awaitNoServerIn(Path dataDir, java.time.Duration limit) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + limit.toNanos();
        long pid;
        while ((pid = livePostmaster(pidFile)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a PostgreSQL server (pid " + pid + ") still runs on " + dataDir + " after " + limit.toSeconds()
                        + " s; stop it, or set DATABASE_URL");
            }
            LOG.info("Waiting for PostgreSQL (pid {}) to leave {}", pid, dataDir);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for PostgreSQL to stop", e);
            }
        }
    }

    /** The pid in {@code postmaster.pid} when that process is alive, else 0. */
    static long livePostmaster(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return 0;
        }
        java.util.List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
        if (lines.isEmpty()) {
            return 0;
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
