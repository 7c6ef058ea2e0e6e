package com.catalyst.config;

import com.catalyst.CatalystApplication;
import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A malformed or out-of-range setting stops start-up with a message that names the setting: in the exception, or in
 * the start-up failure report that Spring Boot prints for the operator.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ConfigValidationIT {

    static String url;

    @BeforeAll
    static void database() {
        url = TestDatabases.fresh("catalyst_it_config");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "catalyst.risk.risk-per-trade, 5, catalyst.risk.risk-per-trade",
            "catalyst.risk.max-open-positions, 0, catalyst.risk.max-open-positions",
            // the ranges of com.catalyst.risk.RiskLimit, the same as a run-time change's (these three once disagreed)
            "catalyst.risk.max-open-positions, 21, catalyst.risk.max-open-positions",
            "catalyst.risk.reward-to-risk, 0.5, catalyst.risk.reward-to-risk",
            "catalyst.risk.stop-atr-multiple, 0.1, catalyst.risk.stop-atr-multiple",
            "catalyst.market.adapter, bogus, catalyst.market.adapter",
            "catalyst.workflow.mode, reckless, catalyst.workflow.mode",
            "catalyst.workflow.interval, soon, catalyst.workflow.interval",
            "catalyst.bundles, scanner;warp, catalyst.bundles",
            "catalyst.funnel.picks, 0, catalyst.funnel.picks",
            "catalyst.routes.dir, /no/such/folder, catalyst.routes.dir",
            "catalyst.broker.alpaca.rate-limit.requests-per-minute, 0, catalyst.broker.alpaca.rate-limit.requests-per-minute",
            "catalyst.broker.alpaca.mode, sandbox, catalyst.broker.alpaca.mode",
            "catalyst.trading.exit.mode, trailing, catalyst.trading.exit.mode",
            "catalyst.trading.exit.trail-percent, 0, catalyst.trading.exit.trail-percent",
            "catalyst.trading.exit.trail-atr-multiple, 25, catalyst.trading.exit.trail-atr-multiple"})
    void aBadSettingStopsStartUpNamingIt(String key, String value, String named,
                                         org.springframework.boot.test.system.CapturedOutput output) {
        SpringApplication app = new SpringApplication(CatalystApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.USER,
                "--catalyst.workflow.auto-start=false", "--" + key + "=" + value.replace(';', ',')).close())
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(messages(e) + output.getAll()).containsAnyOf(named, camel(named)));
    }

    /** A start-up that fails late (its port is taken) ends the process with 1: no library thread keeps it alive. */
    @org.junit.jupiter.api.Test
    void aProcessThatCannotStartExitsWithOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.nio.file.Path log = java.nio.file.Files.createTempFile("port-taken", ".log");
            Process process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-jar", System.getProperty("catalyst.jar"), "--server.port=" + taken.getLocalPort(), "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + TestDatabases.USER, "--catalyst.workflow.auto-start=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = java.nio.file.Files.readString(log);
            java.nio.file.Files.deleteIfExists(log);
            org.assertj.core.api.Assertions.assertThat(ended).as("the process ended by itself; its output:\n" + output).isTrue();
            org.assertj.core.api.Assertions.assertThat(process.exitValue()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(output).contains("Port " + taken.getLocalPort() + " was already in use");
        }
    }

    /** The Alpaca broker in live mode without its separate confirmation: start-up stops before any request, naming it. */
    @org.junit.jupiter.api.Test
    void goingLiveWithoutTheConfirmationStopsStartUpNamingIt(org.springframework.boot.test.system.CapturedOutput output) {
        SpringApplication app = new SpringApplication(CatalystApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.USER,
                "--catalyst.workflow.auto-start=false", "--catalyst.broker.adapter=alpaca", "--catalyst.broker.alpaca.mode=live",
                "--catalyst.broker.alpaca.url=http://127.0.0.1:9", "--ALPACA_API_KEY=AKCONFIGIT", "--ALPACA_SECRET_KEY=config-it-s3cr3t").close())
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(messages(e))
                        .contains("catalyst.broker.alpaca.live-confirm").contains("CATALYST_BROKER_ALPACA_LIVE_CONFIRM")
                        .doesNotContain("config-it-s3cr3t"));
        org.assertj.core.api.Assertions.assertThat(output.getAll()).doesNotContain("config-it-s3cr3t").doesNotContain("LIVE TRADING");
    }

    /**
     * Split mode: a bundle other than news starts without the Alpaca keys when only the news adapter is Alpaca's (on the
     * simulated market with the paper broker nothing else calls Alpaca). With the Alpaca market or broker every process
     * needs the keys, and compose gives them to the nine (AlpacaBrokerSafetyIT: the broker needs the Alpaca market).
     */
    @org.junit.jupiter.api.Test
    void aProcessThatDoesNotFetchNewsStartsWithoutTheAlpacaKeys() {
        SpringApplication app = new SpringApplication(CatalystApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (var context = app.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.USER,
                "--catalyst.workflow.auto-start=false", "--catalyst.bundles=scanner", "--CATALYST_SERVICE_TOKEN_SECRET=" + "ab".repeat(32),
                "--catalyst.news.adapter=alpaca", "--ALPACA_API_KEY=", "--ALPACA_SECRET_KEY=")) {
            org.assertj.core.api.Assertions.assertThat(context.getBean(com.catalyst.news.NewsPort.class)).isNotNull();
        }
    }

    /** Spring reports a record component by its Java name: catalyst.risk.riskPerTrade for catalyst.risk.risk-per-trade. */
    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < kebab.length(); i++) {
            char c = kebab.charAt(i);
            if (c == '-' && i + 1 < kebab.length()) {
                out.append(Character.toUpperCase(kebab.charAt(++i)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
