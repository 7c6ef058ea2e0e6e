package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.catalyst.trading.OrderSide;
class WorkingOrderTest {

    @Test
    void anEntryIsCountedAtItsLimitElseTheLastPriceElseItsStop() {
        BigDecimal stop = new BigDecimal("9.50");
        WorkingOrder limit = WorkingOrder.atWorst("a", "ABC", OrderSide.BUY, 30, new BigDecimal("10.10"), 10.4, stop);
        assertThat(limit.price()).isEqualByComparingTo("10.10");
        assertThat(limit.cost()).isEqualByComparingTo("303.00");
        assertThat(limit.shortEntry()).isFalse();

        assertThat(WorkingOrder.atWorst("b", "ABC", OrderSide.BUY, 30, null, 10.4, stop).price()).isEqualByComparingTo("10.4");
        assertThat(WorkingOrder.atWorst("c", "ABC", OrderSide.BUY, 30, null, Double.NaN, stop).price()).as("no market price").isEqualByComparingTo(stop);
        assertThat(WorkingOrder.atWorst("d", "ABC", OrderSide.BUY, 30, null, 0.0, stop).price()).as("a zero price is none").isEqualByComparingTo(stop);
    }

    @Test
    void aSellToOpenCountsAsShortExposure() {
        WorkingOrder entry = WorkingOrder.atWorst("e", "ABC", OrderSide.SELL, 10, null, 20.0, new BigDecimal("21.00"));
        assertThat(entry.shortEntry()).isTrue();
        assertThat(entry.cost()).isEqualByComparingTo("200.0");
    }
}
