package com.catalyst.config;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.catalyst.CatalystApplication;
import com.catalyst.testsupport.TestDatabases;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The Alpaca broker on the simulated market (the settings docs/brokers.md used to lead to) does not start: the message
 * names the market and clock settings and their environment names, and no request reaches Alpaca.
 */
class AlpacaBrokerSafetyIT {

    @Test
    void theAlpacaBrokerOnTheSimulatedMarketDoesNotStart() {
        WireMockServer alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        try {
            SpringApplication app = new SpringApplication(CatalystApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            assertThatThrownBy(() -> app.run("--spring.datasource.url=" + TestDatabases.fresh("catalyst_it_alpaca_safety"),
                    "--spring.datasource.username=" + TestDatabases.USER, "--catalyst.workflow.auto-start=false",
                    "--catalyst.broker.adapter=alpaca", "--catalyst.market.adapter=simulated", "--catalyst.clock.mode=simulated",
                    "--catalyst.broker.alpaca.url=" + alpaca.baseUrl(), "--ALPACA_API_KEY=AKSAFETYIT", "--ALPACA_SECRET_KEY=safety-it-s3cr3t").close())
                    .satisfies(e -> assertThat(messages(e))
                            .contains("catalyst.market.adapter").contains("CATALYST_MARKET_ADAPTER")
                            .contains("catalyst.clock.mode").contains("CATALYST_CLOCK_MODE")
                            .contains("simulated prices").doesNotContain("safety-it-s3cr3t"));
            // refused before the broker reads the account: Alpaca never hears of it
            assertThat(alpaca.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))).isEmpty();
        } finally {
            alpaca.stop();
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
