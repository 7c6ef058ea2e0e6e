package com.catalyst.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged jar run as its own process, as an operator runs it: started with settings, waited on until /health
 * answers, stopped gracefully or killed with SIGKILL. Its output goes to a log file the failure message names.
 */
public final class CatalystProcess implements AutoCloseable {

    private final Process process;
    private final String host;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CatalystProcess(Process process, int port, Path log) {
        this(process, "127.0.0.1", port, log);
    }

    private CatalystProcess(Process process, String host, int port, Path log) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code target/catalyst.jar} from the project folder with the given --key=value settings and environment. */
    public static CatalystProcess start(String name, int port, Map<String, String> env, String... settings) throws IOException {
        return start(name, port, env, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), settings);
    }

    /**
     * Starts the jar without {@code --server.port}, as split mode runs it: on its primary bundle's seed port
     * ({@code healthPort}, where /health is polled) and the other bundles' seed ports, at {@code address}.
     */
    public static CatalystProcess startOnSeedPorts(String name, String address, int healthPort, Map<String, String> env, String... settings)
            throws IOException {
        String jar = System.getProperty("catalyst.jar", "target/catalyst.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar));
        command.addAll(List.of(settings));
        Path log = Files.createTempFile("catalyst-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("CATALYST_BIND_ADDRESS", address);
        return new CatalystProcess(builder.start(), address, healthPort, log);
    }

    /** As {@link #start(String, int, Map, String...)} with the given JVM options (e.g. a smaller heap for many processes). */
    public static CatalystProcess start(String name, int port, Map<String, String> env, List<String> jvmOptions, String... settings)
            throws IOException {
        String jar = System.getProperty("catalyst.jar", "target/catalyst.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with ./mvnw verify (after package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--server.port=" + port));
        command.addAll(List.of(settings));
        Path log = Files.createTempFile("catalyst-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new CatalystProcess(builder.start(), port, log);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until GET /health answers with {@code status}; fails at once when the process exits. */
    public CatalystProcess awaitHealth(String status, Duration limit) {
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("no answer");
        try {
            Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(250)).failFast(() -> !process.isAlive()).until(() -> {
                try {
                    last.set(get("/health").body());
                } catch (IOException notYet) {
                    last.set(notYet.toString());
                }
                return last.get().contains("\"status\":\"" + status + "\"");
            });
            return this;
        } catch (TerminalFailureException exited) {
            throw new IllegalStateException("process exited with " + process.exitValue() + "; see " + log + "\n" + tail());
        } catch (ConditionTimeoutException late) {
            throw new IllegalStateException("/health on port " + port + " did not say " + status + " within " + limit + " (last: "
                    + last.get() + "); see " + log + "\n" + tail());
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
