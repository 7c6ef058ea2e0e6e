package com.catalyst.ops;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * compose/docker-compose.yml as parsed by docker compose config: services, seed ports, health checks, start order, secrets.
 * Runs {@code compose/test/compose-test.sh} (exit code 0 expected); plain JUnit, no Spring context.
 */
class ComposeFileIT {

    @Test
    void composeFilePasses() throws Exception {
        ShellTestRunner.runAndAssertSuccess("compose/test/compose-test.sh", Duration.ofMinutes(5));
    }
}
