package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlpacaMarketSettingsTest {

    static AlpacaMarketSettings settings(String feed, List<String> symbols) {
        return new AlpacaMarketSettings(feed, null, URI.create("https://paper-api.alpaca.markets"), symbols, 200, 30, 100, 500,
                Duration.ofSeconds(60), Duration.ofMinutes(15));
    }

    @Test
    void anUnknownFeedRefusesStartUpNamingTheSettingAndItsValues() {
        assertThatThrownBy(() -> settings("delayed_sip", List.of()))
                .hasMessageContaining("catalyst.market.alpaca.feed").hasMessageContaining("CATALYST_MARKET_ALPACA_FEED")
                .hasMessageContaining("iex or sip").hasMessageContaining("delayed_sip");
    }

    @Test
    void defaultsAndTheStreamUrlDerivedFromTheFeed() {
        AlpacaMarketSettings sip = settings("SIP", List.of(" aapl", "MSFT", "", "AAPL"));
        assertThat(sip.feed()).isEqualTo("sip");
        assertThat(sip.streamsAll()).isTrue();
        assertThat(sip.dataUrl()).isEqualTo(URI.create("https://data.alpaca.markets"));
        assertThat(sip.symbols()).containsExactly("AAPL", "MSFT");
        assertThat(AlpacaMarketSettings.streamUrl("", "iex")).isEqualTo(URI.create("wss://stream.data.alpaca.markets/v2/iex"));
        assertThat(AlpacaMarketSettings.streamUrl("ws://127.0.0.1:9/v2/test", "iex")).isEqualTo(URI.create("ws://127.0.0.1:9/v2/test"));
    }

    @Test
    void missingKeysRefuseStartUpNamingBoth() {
        assertThatThrownBy(() -> AlpacaMarketSettings.requireKeys(null, "s"))
                .hasMessageContaining("ALPACA_API_KEY and ALPACA_SECRET_KEY").hasMessageEndingWith("missing: ALPACA_API_KEY");
        assertThatThrownBy(() -> AlpacaMarketSettings.requireKeys(" ", ""))
                .hasMessageEndingWith("missing: ALPACA_API_KEY, ALPACA_SECRET_KEY");
        AlpacaMarketSettings.requireKeys("k", "s");
    }

    @Test
    void aSnapshotBatchAboveAlpacasLimitIsRefused() {
        assertThatThrownBy(() -> new AlpacaMarketSettings("iex", null, URI.create("https://paper-api.alpaca.markets"), List.of(), 200, 30, 100,
                1001, Duration.ofSeconds(60), Duration.ofMinutes(15))).hasMessageContaining("catalyst.market.alpaca.snapshot-batch");
    }
}
