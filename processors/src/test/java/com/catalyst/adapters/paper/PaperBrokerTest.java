package com.catalyst.adapters.paper;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.OrderRequest;

import com.catalyst.trading.BrokerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.catalyst.trading.BrokerPort.Account;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.trading.BrokerPort.DuplicateClientOrderIdException;

import com.catalyst.trading.OrderType;
import com.catalyst.trading.OrderSide;
class PaperBrokerTest {

    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    private final Map<String, Double> prices = new HashMap<>();
    // 10 bps of slippage, half a cent a share
    private final PaperBroker broker = new PaperBroker(s -> prices.getOrDefault(s, Double.NaN), () -> NOW,
            new BigDecimal("100000.00"), 10, new BigDecimal("0.005"));

    private static OrderRequest market(String id, String symbol, OrderSide side, int quantity) {
        return new OrderRequest(id, symbol, side, quantity, OrderType.MARKET, null, null, null);
    }

    @Test
    void aBuyFillsAtTheLastPricePlusSlippageAndPaysCommission() {
        prices.put("AAA", 50.0);
        BrokerOrder order = broker.submit(market("o-1", "AAA", OrderSide.BUY, 100));

        assertThat(order.filled()).isTrue();
        assertThat(order.status()).isEqualTo("filled");
        assertThat(order.filledQuantity()).isEqualTo(100);
        assertThat(order.filledAveragePrice()).isEqualByComparingTo("50.05");   // 50 × 1.001
        assertThat(order.commission()).isEqualByComparingTo("0.50");            // 100 × 0.005
        assertThat(order.submittedAt()).isEqualTo(NOW);
        assertThat(order.filledAt()).isEqualTo(NOW);
        assertThat(order.brokerOrderId()).isEqualTo(UUID.nameUUIDFromBytes("paper:o-1".getBytes()).toString());

        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 100, new BigDecimal("50.0500")));
        Account account = broker.account();
        assertThat(account.cash()).isEqualByComparingTo("94994.50");          // 100,000 − 5,005 − 0.50
        assertThat(account.equity()).isEqualByComparingTo("99994.50");         // cash + 100 × 50 marked at the last price
        assertThat(account.buyingPower()).isEqualByComparingTo("94994.50");
        assertThat(account.paper()).isTrue();
    }

    @Test
    void aSellFillsAtTheLastPriceMinusSlippageAndClosesThePosition() {
        prices.put("AAA", 50.0);
        broker.submit(market("o-1", "AAA", OrderSide.BUY, 100));
        prices.put("AAA", 52.0);
        BrokerOrder sell = broker.submit(market("o-2", "AAA", OrderSide.SELL, 100));

        assertThat(sell.filledAveragePrice()).isEqualByComparingTo("51.948");  // 52 × 0.999
        assertThat(broker.positions()).isEmpty();
        // 94,994.50 + 5,194.80 − 0.50
        assertThat(broker.account().cash()).isEqualByComparingTo("100188.80");
        assertThat(broker.account().equity()).isEqualByComparingTo("100188.80");
    }

    @Test
    void addingToAPositionAveragesTheEntryAndAPartialSellKeepsIt() {
        prices.put("AAA", 50.0);
        broker.submit(market("o-1", "AAA", OrderSide.BUY, 100));   // 50.05
        prices.put("AAA", 60.0);
        broker.submit(market("o-2", "AAA", OrderSide.BUY, 100));   // 60.06
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 200, new BigDecimal("55.0550")));
        broker.submit(market("o-3", "AAA", OrderSide.SELL, 50));
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 150, new BigDecimal("55.0550")));
        // equity marks the 150 shares at 60
        BigDecimal cash = broker.account().cash();
        assertThat(broker.account().equity()).isEqualByComparingTo(cash.add(new BigDecimal("9000")));
    }

    @Test
    void aReusedClientOrderIdIsRejectedAndNothingFillsTwice() {
        prices.put("AAA", 50.0);
        broker.submit(market("o-1", "AAA", OrderSide.BUY, 100));
        BigDecimal cash = broker.account().cash();
        assertThatThrownBy(() -> broker.submit(market("o-1", "AAA", OrderSide.BUY, 100)))
                .isInstanceOf(DuplicateClientOrderIdException.class)
                .hasMessageContaining("o-1");
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 100, new BigDecimal("50.0500")));
        assertThat(broker.account().cash()).isEqualByComparingTo(cash);
    }

    @Test
    void theIdOfARejectedOrderCannotBeReusedEither() {
        broker.submit(market("o-1", "NOPRICE", OrderSide.BUY, 1));
        prices.put("NOPRICE", 10.0);
        assertThatThrownBy(() -> broker.submit(market("o-1", "NOPRICE", OrderSide.BUY, 1))).isInstanceOf(DuplicateClientOrderIdException.class);
    }

    @Test
    void findByClientOrderIdSettlesWhatHappened() {
        prices.put("AAA", 50.0);
        BrokerOrder order = broker.submit(market("o-1", "AAA", OrderSide.BUY, 10));
        assertThat(broker.findByClientOrderId("o-1")).contains(order);
        assertThat(broker.findByClientOrderId("never-sent")).isEmpty();
    }

    @Test
    void aBuyBeyondTheCashIsRejectedWithoutEffect() {
        prices.put("AAA", 500.0);
        BrokerOrder order = broker.submit(market("o-1", "AAA", OrderSide.BUY, 200)); // 100,100 + commission > 100,000
        assertThat(order.status()).isEqualTo("rejected");
        assertThat(order.filled()).isFalse();
        assertThat(order.filledQuantity()).isZero();
        assertThat(order.rejectReason()).contains("insufficient buying power");
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.account().cash()).isEqualByComparingTo("100000.00");
        assertThat(broker.findByClientOrderId("o-1")).contains(order);
    }

    @Test
    void aBuyThatExactlyUsesTheCashFills() {
        PaperBroker noCosts = new PaperBroker(s -> 100.0, () -> NOW, new BigDecimal("1000"), 0, BigDecimal.ZERO);
        assertThat(noCosts.submit(market("o-1", "AAA", OrderSide.BUY, 10)).filled()).isTrue();
        assertThat(noCosts.account().cash()).isEqualByComparingTo("0");
        assertThat(noCosts.submit(market("o-2", "AAA", OrderSide.BUY, 1)).status()).isEqualTo("rejected");
    }

    @Test
    void withoutAPriceTheOrderIsRejected() {
        BrokerOrder order = broker.submit(market("o-1", "ZZZ", OrderSide.BUY, 10));
        assertThat(order.status()).isEqualTo("rejected");
        assertThat(order.rejectReason()).contains("no price for ZZZ");
        prices.put("ZERO", 0.0);
        assertThat(broker.submit(market("o-2", "ZERO", OrderSide.BUY, 10)).status()).isEqualTo("rejected");
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void equityFallsBackToTheEntryPriceWhenThePriceIsMissing() {
        prices.put("AAA", 50.0);
        broker.submit(market("o-1", "AAA", OrderSide.BUY, 100));
        prices.remove("AAA");
        assertThat(broker.account().equity()).isEqualByComparingTo("99999.50"); // 94,994.50 + 100 × 50.05
    }
}
