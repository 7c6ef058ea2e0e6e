package com.catalyst.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TradingModeTest {

    @Test
    void theModeTableHoldsTheEarlierImplementationsValues() {
        assertMode(TradingMode.AGGRESSIVE, 0.2, 0.5, 1.5, 25, 75);
        assertMode(TradingMode.NORMAL, 0.3, 0.6, 1.0, 30, 70);
        assertMode(TradingMode.CONSERVATIVE, 0.5, 0.7, 0.5, 35, 65);
    }

    private static void assertMode(TradingMode mode, double sentiment, double pattern, double size, double rsiLow, double rsiHigh) {
        assertThat(mode.sentimentThreshold()).isEqualTo(sentiment);
        assertThat(mode.patternMinConfidence()).isEqualTo(pattern);
        assertThat(mode.sizeMultiplier()).isEqualTo(size);
        assertThat(mode.rsiLow()).isEqualTo(rsiLow);
        assertThat(mode.rsiHigh()).isEqualTo(rsiHigh);
    }

    @Test
    void namesAreReadWhateverTheCaseAndSpaces() {
        assertThat(TradingMode.of("normal")).isEqualTo(TradingMode.NORMAL);
        assertThat(TradingMode.of(" Aggressive ")).isEqualTo(TradingMode.AGGRESSIVE);
        assertThat(TradingMode.of("CONSERVATIVE")).isEqualTo(TradingMode.CONSERVATIVE);
        assertThat(TradingMode.CONSERVATIVE.id()).isEqualTo("conservative");
    }

    @Test
    void aBadNameIsRefusedListingTheModes() {
        assertThatThrownBy(() -> TradingMode.of("yolo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mode must be aggressive, normal or conservative, got 'yolo'");
        assertThatThrownBy(() -> TradingMode.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'null'");
        assertThatThrownBy(() -> TradingMode.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
