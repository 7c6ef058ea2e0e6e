package com.catalyst.desk;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPointsTest {

    @Test
    void withoutTheSettingNoStepPauses() {
        FaultPoints none = new FaultPoints("", "", Duration.ofHours(1));
        FaultPoints.STEPS.forEach(step -> assertThat(none.pause(step, "CAT-1", "buy", "20260106-001")).isFalse());
    }

    @Test
    void onlyTheNamedStepOfACyclePausesAndOnlyOnce() {
        FaultPoints sent = new FaultPoints("sent", "", Duration.ZERO);
        assertThat(sent.pause("before-send", "CAT-1", "buy", "20260106-001")).isFalse();
        assertThat(sent.pause("sent", "CAT-1", "buy", null)).as("a reconciliation re-run, outside a cycle").isFalse();
        assertThat(sent.pause("sent", "CAT-1", "buy", "20260106-001")).isTrue();
        assertThat(sent.pause("sent", "CAT-2", "sell", "20260106-001")).isFalse();
    }

    @Test
    void aNamedSideLetsTheOtherSidePass() {
        FaultPoints sells = new FaultPoints("sent", "sell", Duration.ZERO);
        assertThat(sells.pause("sent", "CAT-20260106-001-AAPL-buy", "buy", "20260106-001")).isFalse();
        assertThat(sells.pause("sent", "CAT-20260106-001-MSFT-sell", "sell", "20260106-001")).isTrue();
        assertThat(sells.pause("sent", "CAT-20260106-001-TSLA-sell", "sell", "20260106-001")).as("only once").isFalse();
        assertThatThrownBy(() -> new FaultPoints("sent", "short", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pause-side").hasMessageContaining("short");
    }

    @Test
    void anUnknownStepIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new FaultPoints("after-lunch", "", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before-send").hasMessageContaining("after-lunch");
    }
}
