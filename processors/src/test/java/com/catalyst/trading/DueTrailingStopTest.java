package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DueTrailingStopTest {

    @Test
    void aLongsStopSellsWhatFilledWhateverTheBrokerReports() {
        DueTrailingStop due = new DueTrailingStop("CAT-20260106-003-ABC-buy", "ABC", OrderSide.BUY, 40, new Trail(new BigDecimal("2"), null), null);
        assertThat(due.stopSide()).isEqualTo(OrderSide.SELL);
        assertThat(due.stopClientOrderId()).isEqualTo("CAT-20260106-003-ABC-buy-TS");
        assertThat(DueTrailingStop.placeable(due.stopSide(), 40, 40)).isEqualTo(40);
    }

    @Test
    void aShortsCoverBuysAtMostWhatTheBrokerStillHoldsShortAndNothingWithoutAShort() {
        DueTrailingStop due = new DueTrailingStop("CAT-20260106-003-ABC-sell", "ABC", OrderSide.SELL, 40, new Trail(null, new BigDecimal("0.50")), null);
        assertThat(due.stopSide()).isEqualTo(OrderSide.BUY);
        assertThat(DueTrailingStop.placeable(OrderSide.BUY, 40, -40)).isEqualTo(40);
        assertThat(DueTrailingStop.placeable(OrderSide.BUY, 40, -25)).as("a leg covered part meanwhile").isEqualTo(25);
        assertThat(DueTrailingStop.placeable(OrderSide.BUY, 40, -60)).as("never more than the entry sold").isEqualTo(40);
        assertThat(DueTrailingStop.placeable(OrderSide.BUY, 40, 0)).isZero();
        assertThat(DueTrailingStop.placeable(OrderSide.BUY, 40, 15)).as("a buy beyond the short would open a long").isZero();
    }
}
