package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** An idempotency key names one request: the same body always gives the same line, another body names what differs. */
class ManualOrderTest {

    private static ManualOrder order(Integer quantity, String stop, String type, String limit) {
        return new ManualOrder("AAA", "buy", quantity, null, stop == null ? null : new BigDecimal(stop), "key-1", type,
                limit == null ? null : new BigDecimal(limit));
    }

    @Test
    void theSameRequestGivesTheSameLineWhateverTheNumbersLookLike() {
        String first = order(10, "49", "market", null).requestLine();

        assertThat(order(10, "49.00", "market", null).requestLine()).isEqualTo(first);
        assertThat(order(10, "49", null, null).requestLine()).isEqualTo(first); // market is the default
        assertThat(ManualOrder.differences(first, order(10, "49.0", "market", null).requestLine())).isEmpty();
    }

    @Test
    void anotherRequestNamesEachFieldThatDiffers() {
        String first = order(10, "49", "market", null).requestLine();

        assertThat(ManualOrder.differences(first, order(20, "49", "market", null).requestLine())).containsExactly("quantity: 10 → 20");
        assertThat(ManualOrder.differences(first, order(10, null, "limit", "49.5").requestLine()))
                .containsExactly("type: market → limit", "stop_price: 49 → (none)", "limit_price: (none) → 49.5");
        assertThat(ManualOrder.differences(first, new ManualOrder("BBB", "buy", 10, null, new BigDecimal("49"), "key-1", null, null)
                .requestLine())).containsExactly("symbol: AAA → BBB");
    }

    @Test
    void theKeyIsNotPartOfTheRequest() {
        assertThat(new ManualOrder("AAA", "buy", 10, null, null, "header-key", null, null).requestLine())
                .isEqualTo(new ManualOrder("AAA", "buy", 10, null, null, "body-key", null, null).requestLine());
    }

    @Test
    void aShortEntryIsAnotherRequestThanABuyUnderTheSameKey() {
        ManualOrder buy = new ManualOrder("AAA", "buy", 10, null, null, "key-1", null, null);
        ManualOrder sellShort = new ManualOrder("AAA", "short", 10, null, null, "key-1", null, null);

        assertThat(sellShort.shortEntry()).isTrue();
        assertThat(buy.shortEntry()).isFalse();
        assertThat(ManualOrder.differences(buy.requestLine(), sellShort.requestLine())).containsExactly("side: buy → short");
    }
}
