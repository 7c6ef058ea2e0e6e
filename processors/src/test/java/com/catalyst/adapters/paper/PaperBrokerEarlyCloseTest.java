package com.catalyst.adapters.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

import com.catalyst.adapters.paper.PaperBroker.FillModel;
import com.catalyst.adapters.paper.PaperBroker.Quote;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.MarketCalendar;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import org.junit.jupiter.api.Test;

/** A day order expires at its session's real close: 13:00 New York on an early close, as the calendar given says. */
class PaperBrokerEarlyCloseTest {

    private Instant now;

    private PaperBroker broker(MarketCalendar calendar) {
        return new PaperBroker(s -> new Quote(50.0, 1_000_000L, now), () -> now, new BigDecimal("100000"), 0, BigDecimal.ZERO,
                FillModel.WHOLE, PaperLedger.none(), calendar);
    }

    private static OrderRequest limitBuy(String id) {
        return new OrderRequest(id, "AAA", OrderSide.BUY, 10, OrderType.LIMIT, new BigDecimal("45.00"), null, null);
    }

    @Test
    void onTheDayAfterThanksgivingADayOrderExpiresAt1300() {
        PaperBroker broker = broker(ExchangeCalendar.BUILT_IN);
        now = Instant.parse("2026-11-27T15:00:00Z"); // 10:00 New York, EST
        BrokerOrder resting = broker.submit(limitBuy("L-1"));
        assertThat(resting.expiresAt()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        now = Instant.parse("2026-11-27T17:59:00Z"); // 12:59
        assertThat(broker.findByClientOrderId("L-1").orElseThrow().status()).isEqualTo("accepted");
        now = Instant.parse("2026-11-27T18:00:00Z"); // 13:00
        assertThat(broker.findByClientOrderId("L-1").orElseThrow().status()).isEqualTo("expired");
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void onARegularDayTheSameOrderLivesUntil1600() {
        PaperBroker broker = broker(ExchangeCalendar.BUILT_IN);
        now = Instant.parse("2026-11-25T15:00:00Z");
        assertThat(broker.submit(limitBuy("L-1")).expiresAt()).isEqualTo(Instant.parse("2026-11-25T21:00:00Z"));
        now = Instant.parse("2026-11-25T18:00:00Z"); // 13:00 on a regular day: still working
        assertThat(broker.findByClientOrderId("L-1").orElseThrow().status()).isEqualTo("accepted");
    }

    @Test
    void theCalendarGivenDecidesTheClose() {
        // a calendar (Alpaca's, say) that closes 2026-03-06 at 13:00, which the built-in one does not
        MarketCalendar calendar = date -> Optional.of(new MarketCalendar.Session(date, LocalTime.of(9, 30),
                date.equals(LocalDate.of(2026, 3, 6)) ? LocalTime.of(13, 0) : LocalTime.of(16, 0)));
        now = Instant.parse("2026-03-06T15:00:00Z");
        assertThat(broker(calendar).submit(limitBuy("L-1")).expiresAt()).isEqualTo(Instant.parse("2026-03-06T18:00:00Z"));
        assertThat(broker(ExchangeCalendar.BUILT_IN).submit(limitBuy("L-2")).expiresAt()).isEqualTo(Instant.parse("2026-03-06T21:00:00Z"));
    }
}
