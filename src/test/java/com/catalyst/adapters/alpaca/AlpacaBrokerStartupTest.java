package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Duration;

import com.catalyst.adapters.alpaca.AlpacaBroker;
import com.catalyst.adapters.alpaca.AlpacaTradingMode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up with {@code catalyst.broker.adapter=alpaca}: the guard refuses live without its confirmation before any
 * request, paper says so in one WARN line with the account number and never the keys, and the adapter's retries and
 * rate limiter are meters.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlpacaBrokerStartupTest {

    static final String KEY = "PKSTARTUPKEY";
    static final String SECRET = "startup-s3cr3t";

    WireMockServer alpaca;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
    }

    @AfterEach
    void stop() {
        alpaca.stop();
    }

    AlpacaBrokerProperties props(String mode, String liveConfirm) {
        return new AlpacaBrokerProperties(mode, liveConfirm, URI.create(alpaca.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(3),
                new AlpacaBrokerProperties.Retry(2, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(1)),
                new AlpacaBrokerProperties.RateLimit(180, 3, Duration.ofSeconds(1)));
    }

    @Test
    void paperSaysSoInOneWarnLineWithTheAccountAndPublishesItsMeters(CapturedOutput output) {
        alpaca.stubFor(get("/v2/account").willReturn(okJson("""
                {"id": "904837e3-3b76-47ec-b432-046db621571b", "account_number": "PA3J5QX0RWZN", "status": "ACTIVE",
                 "currency": "USD", "cash": "100000", "buying_power": "200000", "equity": "100000", "portfolio_value": "100000"}""")));

        AlpacaBroker broker = AlpacaBrokerStartup.start(props("paper", ""), KEY, SECRET, meters);

        assertThat(broker.account().paper()).isTrue();
        String line = output.getAll().lines().filter(l -> l.contains("Broker: Alpaca")).findFirst().orElseThrow();
        assertThat(line).contains("WARN").contains("PAPER").contains("PA3J5QX0RWZN").doesNotContain("LIVE");
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(meters.find("resilience4j.retry.calls").tag("name", AlpacaBroker.NAME).meters()).isNotEmpty();
        assertThat(meters.find("resilience4j.ratelimiter.available.permissions").tag("name", AlpacaBroker.NAME).gauge()).isNotNull();
        // account read at start-up and once here: two requests, each timed by the rate limiter's wait
        assertThat(meters.get("catalyst.broker.rate.limit.wait").timer().count()).isEqualTo(2);
    }

    @Test
    void liveWithoutItsConfirmationRefusesToStartBeforeAnyRequest() {
        assertThatThrownBy(() -> AlpacaBrokerStartup.start(props("live", ""), KEY, SECRET, meters))
                .hasMessageContaining("catalyst.broker.alpaca.live-confirm");
        assertThat(alpaca.getAllServeEvents()).isEmpty();
    }

    @Test
    void aProcessThatDoesNotTradeChecksTheSettingsButCallsNothing() {
        AlpacaBroker broker = AlpacaBrokerStartup.start(props("paper", ""), KEY, SECRET, meters, false);

        assertThat(broker).isNotNull();
        assertThat(alpaca.getAllServeEvents()).isEmpty();
        assertThatThrownBy(() -> AlpacaBrokerStartup.start(props("live", ""), KEY, SECRET, meters, false))
                .hasMessageContaining("catalyst.broker.alpaca.live-confirm");
    }

    @Test
    void aProcessThatDoesNotTradeNeedsNoKeysButStillRefusesAnUnconfirmedLiveStart() {
        // compose gives the Alpaca keys to the trading container only
        assertThat(AlpacaBrokerStartup.start(props("paper", ""), null, null, meters, false)).isNotNull();
        assertThat(alpaca.getAllServeEvents()).isEmpty();
        assertThatThrownBy(() -> AlpacaBrokerStartup.start(props("live", ""), null, "", meters, false))
                .hasMessageContaining("catalyst.broker.alpaca.live-confirm");
        assertThatThrownBy(() -> AlpacaBrokerStartup.start(props("paper", ""), null, null, meters, true))
                .hasMessageContaining("ALPACA_API_KEY");
    }

    @Test
    void liveWithBothSettingsSaysLiveLoudly(CapturedOutput output) {
        alpaca.stubFor(get("/v2/account").willReturn(okJson("""
                {"id": "1d5493c9-ea39-4377-aa94-340734c368ae", "account_number": "318526340", "status": "ACTIVE",
                 "currency": "USD", "cash": "2500.00", "buying_power": "2500.00", "equity": "2500.00"}""")));

        AlpacaBroker broker = AlpacaBrokerStartup.start(props("live", AlpacaTradingMode.CONFIRMATION), KEY, SECRET, meters);

        assertThat(broker.account().paper()).isFalse();
        assertThat(output.getAll()).containsPattern("WARN.*Alpaca LIVE TRADING, account 318526340.*REAL MONEY");
    }

    @Test
    void keysAlpacaRefusesStopStartUpWithoutShowingThem() {
        alpaca.stubFor(get("/v2/account").willReturn(aResponse().withStatus(403).withBody("{\"message\": \"forbidden.\"}")));

        assertThatThrownBy(() -> AlpacaBrokerStartup.start(props("paper", null), KEY, SECRET, meters))
                .hasMessageContaining("cannot read the Alpaca account").hasMessageContaining("HTTP 403")
                .hasMessageContaining("ALPACA_API_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(SECRET));
        alpaca.verify(1, getRequestedFor(urlEqualTo("/v2/account")));
        assertThatThrownBy(() -> AlpacaBrokerStartup.start(props("paper", null), null, null, meters))
                .hasMessageContaining("ALPACA_API_KEY").hasMessageContaining("ALPACA_SECRET_KEY");
    }
}
