package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.catalyst.trading.BrokerOrder.Fill;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fills the record still needs, from a broker that lists its fills and from one that reports only totals. */
class OrderSyncDeskTest {

    private static final Instant AT = Instant.parse("2026-01-06T16:01:00Z");

    @Test
    void aBrokerThatListsItsFillsGivesThemAllAndTheUniqueIdsKeepEachOnce() {
        Fill first = new Fill("b-1", 50, new BigDecimal("10.00"), new BigDecimal("0.25"), AT);
        Fill second = new Fill("b-2", 30, new BigDecimal("10.10"), new BigDecimal("0.15"), AT.plusSeconds(60));
        BrokerOrder order = new BrokerOrder("b", "c", "AAA", OrderSide.BUY, 80, "new", 0, null, BigDecimal.ZERO, AT, null, null)
                .withFill(first).withFill(second);
        assertThat(OrderSyncDesk.newFills(order, 50, new BigDecimal("500"))).containsExactly(first, second);
    }

    @Test
    void aBrokerThatReportsOnlyTotalsGetsOneFillForWhatTheRecordLacksPricedToKeepTheAverage() {
        // 80 filled at an average of 10.04; the record has 50 at 10.00: the other 30 cost 803.20 − 500 = 303.20, 10.1067 each
        BrokerOrder order = new BrokerOrder("b", "c", "AAA", OrderSide.BUY, 80, "filled", 80, new BigDecimal("10.04"), BigDecimal.ZERO, AT, AT, null);
        List<Fill> missing = OrderSyncDesk.newFills(order, 50, new BigDecimal("500.00"));
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).quantity()).isEqualTo(30);
        assertThat(missing.get(0).price()).isEqualByComparingTo("10.1067");
        assertThat(missing.get(0).fillId()).isEqualTo("b-q80");
        assertThat(OrderSyncDesk.newFills(order, 80, new BigDecimal("803.20"))).as("nothing left to record").isEmpty();
    }
}
