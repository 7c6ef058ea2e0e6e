package com.catalyst.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the deployment shell tests (nginx/test, compose/test, scripts/test)
 * and fails when it exits non-zero, times out, or cannot be started. Nothing is
 * skipped: a missing script or a missing bash is a failure.
 */
final class ShellTestRunner {

    private ShellTestRunner() {
    }

    /** The repository root: the nearest directory, from the working directory up, holding the script. */
    static Path repoRootHolding(String relativeScript) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relativeScript))) {
                return d;
            }
        }
        fail(relativeScript + " not found from " + dir + " upwards");
        return null; // not reached
    }

    static void runAndAssertSuccess(String relativeScript, Duration timeout) throws IOException, InterruptedException {
        Path root = repoRootHolding(relativeScript);
        Path script = root.resolve(relativeScript);
        Path log = Files.createTempFile("catalyst-ops-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of("bash", script.toString()))
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process process = pb.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                // SIGTERM first so the script's trap can clean up (nginx, stubs, scratch DB).
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("----- " + relativeScript + " -----");
            System.out.println(output);
            assertTrue(finished, relativeScript + " did not finish within " + timeout + "; output:\n" + output);
            assertEquals(0, process.exitValue(), relativeScript + " failed; output:\n" + output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
