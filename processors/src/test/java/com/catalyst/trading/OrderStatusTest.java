package com.catalyst.trading;

import org.junit.jupiter.api.Test;

import static com.catalyst.trading.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStatusTest {

    @Test
    void theOrderPathsStepsAreLegal() {
        assertThat(PENDING_SUBMIT.canBecome(FILLED)).isTrue();
        assertThat(PENDING_SUBMIT.canBecome(UNKNOWN)).isTrue();
        assertThat(UNKNOWN.canBecome(FILLED)).isTrue();
        assertThat(NEW.canBecome(PARTIALLY_FILLED)).isTrue();
        assertThat(PARTIALLY_FILLED.canBecome(PARTIALLY_FILLED)).isTrue();
        assertThat(PARTIALLY_FILLED.canBecome(FILLED)).isTrue();
        assertThat(FILLED.canBecome(FILLED)).as("a repeated answer").isTrue();
    }

    @Test
    void aFinishedOrderNeverMovesAgain() {
        for (OrderStatus done : new OrderStatus[] {FILLED, CANCELED, REJECTED, EXPIRED}) {
            assertThat(done.terminal()).isTrue();
            for (OrderStatus next : values()) {
                assertThat(done.canBecome(next)).as(done + " → " + next).isEqualTo(next == done);
            }
        }
        assertThat(PARTIALLY_FILLED.canBecome(NEW)).isFalse();
        assertThat(NEW.canBecome(PENDING_SUBMIT)).isFalse();
        assertThatThrownBy(() -> FILLED.to(NEW, "CAT-1")).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order CAT-1 cannot go from filled to new");
    }

    @Test
    void readsAlpacasVocabulary() {
        assertThat(OrderStatus.of("partially_filled")).isEqualTo(PARTIALLY_FILLED);
        assertThat(OrderStatus.of("pending_new")).isEqualTo(NEW);
        assertThat(OrderStatus.of("done_for_day")).isEqualTo(ACCEPTED);
        assertThat(OrderStatus.of("canceled").id()).isEqualTo("canceled");
        assertThatThrownBy(() -> OrderStatus.of("bogus")).isInstanceOf(IllegalArgumentException.class);
    }
}
