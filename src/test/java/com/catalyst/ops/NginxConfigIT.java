package com.catalyst.ops;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The nginx site configuration in a real nginx: bearer key, rate limit, TLS versions, security headers, redirect.
 * Runs {@code nginx/test/nginx-test.sh} (exit code 0 expected); plain JUnit, no Spring context.
 */
class NginxConfigIT {

    @Test
    void nginxSiteConfigurationPasses() throws Exception {
        ShellTestRunner.runAndAssertSuccess("nginx/test/nginx-test.sh", Duration.ofMinutes(5));
    }
}
