package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OrderIntentTest {

    private static OrderIntent entry(String cycle, String symbol, BigDecimal stop, BigDecimal target) {
        return new OrderIntent("entry", cycle, OrderIntent.entryClientOrderId(cycle, symbol, OrderSide.BUY), symbol, OrderSide.BUY, 100,
                new BigDecimal("20.00"), stop, target, new BigDecimal("100.00"), "bull_flag", null, null);
    }

    @Test
    void entryIdsDependOnlyOnCycleSymbolAndSide() {
        assertThat(OrderIntent.entryClientOrderId("c-1", "AAA", OrderSide.BUY)).isEqualTo(OrderIntent.entryClientOrderId("c-1", "AAA", OrderSide.BUY));
        assertThat(OrderIntent.entryClientOrderId("c-1", "AAA", OrderSide.BUY)).isEqualTo("CAT-c-1-AAA-buy");
        assertThat(OrderIntent.entryClientOrderId("c-2", "AAA", OrderSide.BUY)).isNotEqualTo(OrderIntent.entryClientOrderId("c-1", "AAA", OrderSide.BUY));
        assertThat(OrderIntent.entryClientOrderId("c-1", "BBB", OrderSide.BUY)).isNotEqualTo(OrderIntent.entryClientOrderId("c-1", "AAA", OrderSide.BUY));
        assertThat(OrderIntent.exitClientOrderId(42)).isEqualTo("CAT-EXIT-42").isNotEqualTo(OrderIntent.exitClientOrderId(43));
    }

    @Test
    void theSqlRowKeysTheOrderByADeterministicUuidAndNamesABracket() {
        OrderIntent intent = entry("c-1", "AAA", new BigDecimal("19.00"), new BigDecimal("22.00"));
        Map<String, Object> row = intent.sqlRow();
        assertThat(row.get("order_id")).isEqualTo(entry("c-1", "AAA", null, null).sqlRow().get("order_id"));
        assertThat(row.get("order_id")).isNotEqualTo(entry("c-2", "AAA", null, null).sqlRow().get("order_id"));
        assertThat(row).containsEntry("client_order_id", "CAT-c-1-AAA-buy")
                .containsEntry("cycle_id", "c-1")
                .containsEntry("symbol", "AAA")
                .containsEntry("side", "buy")
                .containsEntry("quantity", 100)
                .containsEntry("stop_price", new BigDecimal("19.00"))
                .containsEntry("take_profit_price", new BigDecimal("22.00"))
                .containsEntry("order_class", "bracket")
                .containsEntry("position_id", null);
    }

    @Test
    void withoutBothLevelsTheOrderIsSimple() {
        assertThat(entry("c", "AAA", new BigDecimal("19"), null).sqlRow()).containsEntry("order_class", "simple");
        assertThat(entry("c", "AAA", null, null).sqlRow()).containsEntry("order_class", "simple");
        OrderIntent exit = new OrderIntent("exit", "c", OrderIntent.exitClientOrderId(7), "AAA", OrderSide.SELL, 100, null, null, null, null,
                null, 7, "stop_loss");
        assertThat(exit.sqlRow()).containsEntry("position_id", 7).containsEntry("order_class", "simple");
    }

    @Test
    void toRequestSendsAMarketOrderWithTheIntentsLevels() {
        OrderRequest request = entry("c-1", "AAA", new BigDecimal("19.00"), new BigDecimal("22.00")).toRequest();
        assertThat(request).isEqualTo(new OrderRequest("CAT-c-1-AAA-buy", "AAA", OrderSide.BUY, 100, OrderType.MARKET, null,
                new BigDecimal("19.00"), new BigDecimal("22.00")));
    }

    @Test
    void aLimitEntryCarriesItsTypeAndPriceToTheRowAndTheBrokerAsABracket() {
        OrderIntent limit = new OrderIntent("entry", "c", "CAT-L", "AAA", OrderSide.BUY, 10, new BigDecimal("20"), new BigDecimal("19"),
                new BigDecimal("22"), null, null, null, null, OrderType.LIMIT, new BigDecimal("19.80"));
        assertThat(limit.sqlRow()).containsEntry("order_type", "limit").containsEntry("limit_price", new BigDecimal("19.80"));
        OrderRequest request = limit.toRequest();
        assertThat(request.type()).isEqualTo(OrderType.LIMIT);
        assertThat(request.limitPrice()).isEqualByComparingTo("19.80");
        assertThat(request.bracket()).isTrue();
        assertThat(entry("c", "AAA", null, null).toRequest().type()).isEqualTo(OrderType.MARKET);
        assertThat(entry("c", "AAA", null, null).sqlRow()).containsEntry("order_type", "market").containsEntry("limit_price", null);
    }

    @Test
    void aSellOpensAPositionOnlyAsACyclesOrATradersShortEntry() {
        assertThat(OrderIntent.opensPosition(OrderIntent.entryClientOrderId("20261207-001", "AAA", OrderSide.SELL), OrderSide.SELL)).isTrue();
        assertThat(OrderIntent.opensPosition("CAT-MAN-0123456789abcdef0123456789abcdef", OrderSide.SELL)).isTrue();
        assertThat(OrderIntent.opensPosition("CAT-MAN-0123456789abcdef0123456789abcdef", OrderSide.BUY)).isTrue();
        assertThat(OrderIntent.opensPosition(OrderIntent.entryClientOrderId("20261207-001", "AAA", OrderSide.BUY), OrderSide.BUY)).isTrue();
        // exits close whichever their side; a sell of another origin (placed at the broker by hand) closes
        assertThat(OrderIntent.opensPosition(OrderIntent.exitClientOrderId(7), OrderSide.SELL)).isFalse();
        assertThat(OrderIntent.opensPosition(OrderIntent.exitClientOrderId(7, 1), OrderSide.BUY)).isFalse();
        assertThat(OrderIntent.opensPosition("HAND-1", OrderSide.SELL)).isFalse();
    }
}
