package com.catalyst.desk;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPointsTest {

    @Test
    void withoutTheSettingNoStepPauses() {
        FaultPoints none = new FaultPoints("", Duration.ofHours(1));
        FaultPoints.STEPS.forEach(step -> assertThat(none.pause(step, "CAT-1", "20260106-001")).isFalse());
    }

    @Test
    void onlyTheNamedStepOfACyclePausesAndOnlyOnce() {
        FaultPoints sent = new FaultPoints("sent", Duration.ZERO);
        assertThat(sent.pause("before-send", "CAT-1", "20260106-001")).isFalse();
        assertThat(sent.pause("sent", "CAT-1", null)).as("a reconciliation re-run, outside a cycle").isFalse();
        assertThat(sent.pause("sent", "CAT-1", "20260106-001")).isTrue();
        assertThat(sent.pause("sent", "CAT-2", "20260106-001")).isFalse();
    }

    @Test
    void anUnknownStepIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new FaultPoints("after-lunch", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before-send").hasMessageContaining("after-lunch");
    }
}
