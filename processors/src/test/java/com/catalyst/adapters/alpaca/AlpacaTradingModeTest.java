package com.catalyst.adapters.alpaca;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paper unless two separate settings say live; no keys, no start. */
class AlpacaTradingModeTest {

    static final String KEY = "PKTESTKEYID";
    static final String SECRET = "s3cr3t-never-shown";

    @Test
    void paperIsTheDefaultAndGoesToThePaperHost() {
        AlpacaTradingMode mode = AlpacaTradingMode.resolve(null, null, null, KEY, SECRET);

        assertThat(mode.live()).isFalse();
        assertThat(mode.baseUrl()).isEqualTo(URI.create("https://paper-api.alpaca.markets"));
        assertThat(mode.startupLine("PA3J5QX0RWZN")).contains("PAPER").contains("PA3J5QX0RWZN").doesNotContain("LIVE")
                .doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void liveWithoutTheConfirmationRefusesToStartNamingIt() {
        assertThatThrownBy(() -> AlpacaTradingMode.resolve("live", null, null, KEY, SECRET))
                .hasMessageContaining("catalyst.broker.alpaca.live-confirm").hasMessageContaining("CATALYST_BROKER_ALPACA_LIVE_CONFIRM");
        assertThatThrownBy(() -> AlpacaTradingMode.resolve("live", "yes", null, KEY, SECRET))
                .hasMessageContaining("must be exactly " + AlpacaTradingMode.CONFIRMATION);
    }

    @Test
    void liveWithBothSettingsGoesToTheLiveHostAndSaysSoLoudly() {
        AlpacaTradingMode mode = AlpacaTradingMode.resolve("LIVE", AlpacaTradingMode.CONFIRMATION, null, KEY, SECRET);

        assertThat(mode.live()).isTrue();
        assertThat(mode.baseUrl()).isEqualTo(URI.create("https://api.alpaca.markets"));
        assertThat(mode.startupLine("123456789")).contains("LIVE TRADING").contains("123456789").contains("REAL MONEY");
    }

    @Test
    void paperModeNeverTalksToTheLiveHost() {
        assertThatThrownBy(() -> AlpacaTradingMode.resolve("paper", null, URI.create("https://api.alpaca.markets"), KEY, SECRET))
                .hasMessageContaining("catalyst.broker.alpaca.url").hasMessageContaining("live host");
        assertThat(AlpacaTradingMode.resolve("paper", null, URI.create("http://127.0.0.1:8089"), KEY, SECRET).baseUrl().getPort()).isEqualTo(8089);
    }

    @Test
    void missingKeysAreNamedAndAnUnknownModeIsRefused() {
        assertThatThrownBy(() -> AlpacaTradingMode.resolve("paper", null, null, null, SECRET))
                .hasMessageContaining("missing: ALPACA_API_KEY").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> AlpacaTradingMode.resolve("paper", null, null, KEY, " ")).hasMessageContaining("missing: ALPACA_SECRET_KEY");
        assertThatThrownBy(() -> AlpacaTradingMode.resolve("sandbox", null, null, KEY, SECRET)).hasMessageContaining("paper or live");
    }
}
