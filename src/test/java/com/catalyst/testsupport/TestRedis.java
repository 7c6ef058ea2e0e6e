package com.catalyst.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A private redis-server on a free port, for tests that stop and start Redis without touching the shared one.
 * The binary comes from the machine (Debian's redis-server, as on CI); a missing binary fails the test.
 */
public final class TestRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    public TestRedis() throws IOException {
        this.port = freePort();
        this.dir = Files.createTempDirectory("catalyst-redis");
    }

    public int port() {
        return port;
    }

    public TestRedis start() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        await(true);
        return this;
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
        await(false);
    }

    private void await(boolean listening) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> accepting() == listening);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("redis-server on port " + port + " did not " + (listening ? "start" : "stop"));
        }
    }

    private boolean accepting() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public static int freePort() throws IOException {
        // a random port below the kernel's ephemeral range (32768 and up here), not bind(0)'s next one: the integration
        // tests run in parallel forks, each handing ports to processes it starts a moment later, and bind(0) can give two
        // forks the same port in that moment (seen: a test then polled another fork's process). Ports drawn at random from
        // 10,000 are unlikely to meet, and no outgoing connection's local port comes from there
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(10_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // in use: draw again
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
