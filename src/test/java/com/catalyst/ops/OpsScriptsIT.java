package com.catalyst.ops;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operations scripts against the real PostgreSQL and health stubs: backup/restore, rotation, health check, settings.
 * Runs {@code scripts/test/scripts-test.sh} (exit code 0 expected); plain JUnit, no Spring context.
 */
class OpsScriptsIT {

    @Test
    void opsScriptsPass() throws Exception {
        ShellTestRunner.runAndAssertSuccess("scripts/test/scripts-test.sh", Duration.ofMinutes(10));
    }
}
