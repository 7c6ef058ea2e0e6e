package com.catalyst.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunnelSizesTest {

    @Test
    void aNarrowingFunnelIsAccepted() {
        FunnelSizes sizes = new FunnelSizes(100, 35, 20, 10, 5);
        assertThat(sizes.scanned()).isEqualTo(100);
        assertThat(sizes.picks()).isEqualTo(5);
        // equal steps keep everyone: still a funnel
        assertThat(new FunnelSizes(1, 1, 1, 1, 1).picks()).isEqualTo(1);
    }

    @Test
    void aStepThatWidensIsRefused() {
        assertThatThrownBy(() -> new FunnelSizes(30, 35, 20, 10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the funnel must narrow")
                .hasMessageContaining("30/35/20/10/5");
        assertThatThrownBy(() -> new FunnelSizes(100, 35, 40, 10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FunnelSizes(100, 35, 20, 25, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FunnelSizes(100, 35, 20, 10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atLeastOnePickIsRequired() {
        assertThatThrownBy(() -> new FunnelSizes(100, 35, 20, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
