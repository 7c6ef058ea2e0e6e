package com.catalyst.testsupport;

import java.io.IOException;
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
        this.port = TestPorts.free();
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
}
