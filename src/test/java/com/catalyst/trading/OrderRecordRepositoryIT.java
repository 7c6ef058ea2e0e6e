package com.catalyst.trading;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OrderRepository and PositionRepository, the owners of the order path's record, on the real PostgreSQL with the
 * application's migrations: an intent recorded once, the broker's answer and its event, a fill once under its broker
 * id, a fill opening a position (one open position a symbol) and an exit's fill closing it with the P&L of its side,
 * the marks, and what the planner, the APIs and a trader's close read, with the one rule for a position's failed exits.
 * No Spring context: the repositories over a JdbcClient, as the application builds them.
 */
class OrderRecordRepositoryIT {

    private static final String CYCLE = "20260106-004";
    private static final Instant FILLED = Instant.parse("2026-01-06T16:00:00Z");

    private JdbcClient jdbc;
    private OrderRepository orders;
    private PositionRepository positions;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_order_record_repository");
        jdbc = JdbcClient.create(source);
        orders = new OrderRepository(jdbc);
        positions = new PositionRepository(jdbc, new org.springframework.jdbc.core.JdbcTemplate(source));
        // the cycles the orders name
        com.catalyst.workflow.CycleRepository cycles = new com.catalyst.workflow.CycleRepository(jdbc, new com.fasterxml.jackson.databind.ObjectMapper());
        for (String id : List.of(CYCLE, "20260106-005")) {
            cycles.started(new com.catalyst.workflow.CycleStart(id, com.catalyst.workflow.TradingMode.NORMAL, 5, new BigDecimal("2000.00"),
                    1.0, new BigDecimal("0.01"), 300, FILLED, "{}"));
        }
    }

    private static OrderIntent entry(String symbol, OrderSide side) {
        return new OrderIntent("entry", CYCLE, OrderIntent.entryClientOrderId(CYCLE, symbol, side), symbol, side, 100, new BigDecimal("50.00"),
                new BigDecimal(side == OrderSide.BUY ? "48.00" : "52.00"), new BigDecimal(side == OrderSide.BUY ? "54.00" : "46.00"),
                new BigDecimal("200.00"), "breakout", null, null);
    }

    private static OrderIntent exit(String symbol, OrderSide side, int positionId, int attempt, String reason) {
        return new OrderIntent("exit", CYCLE, OrderIntent.exitClientOrderId(positionId, attempt), symbol, side, 100, new BigDecimal("51.00"),
                null, null, null, null, positionId, reason);
    }

    /** What TradeDesk.firstFill gives the route for the broker's answer: the intent filled at {@code price}, fill id {@code <brokerOrderId>-1}. */
    private static OrderFill fill(OrderIntent intent, String brokerOrderId, String price) {
        BrokerOrder filled = new BrokerOrder(brokerOrderId, intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), "filled",
                intent.quantity(), new BigDecimal(price), new BigDecimal("0.50"), FILLED, FILLED, null);
        return new TradeDesk(null, (clientOrderId, quantity) -> false).firstFill(intent, filled);
    }

    /** The answer TradeDesk.answer gives the route. */
    private static OrderAnswer answer(OrderIntent intent, String from, String to, int filled, String price, String reason) {
        return new OrderAnswer(intent.clientOrderId(), OrderStatus.of(from), OrderStatus.of(to), intent.quantity(), "b-" + intent.clientOrderId(),
                filled, price == null ? null : new BigDecimal(price), FILLED, price == null ? null : FILLED, reason, !from.equals(to));
    }

    /** Records, answers and fills an entry as the route does; answers its position id. */
    private int opened(OrderIntent entry, String price) {
        assertThat(orders.insert(entry)).isEqualTo(1);
        orders.answered(answer(entry, "pending_submit", "filled", 100, price, null));
        orders.fill(fill(entry, "f-" + entry.clientOrderId(), price));
        positions.openFromFill(fill(entry, "f-" + entry.clientOrderId(), price));
        orders.linkOpenPosition(fill(entry, "f-" + entry.clientOrderId(), price));
        return jdbc.sql("select position_id from orders where client_order_id = ?").param(entry.clientOrderId()).query(Integer.class).single();
    }

    @Test
    void anIntentIsRecordedOnceWithItsEventsAndItsAnswer() {
        OrderIntent entry = entry("AAA", OrderSide.BUY);
        assertThat(orders.status(entry.clientOrderId())).isNull();
        assertThat(orders.insert(entry)).isEqualTo(1);
        orders.pendingSubmitted(entry.clientOrderId());
        // a second attempt (a retry, a restart) finds the row and inserts nothing
        assertThat(orders.insert(entry)).isZero();
        assertThat(orders.status(entry.clientOrderId())).isEqualTo("pending_submit");

        OrderAnswer accepted = answer(entry, "pending_submit", "accepted", 0, null, null);
        orders.answered(accepted);
        orders.answerEvent(accepted);
        assertThat(orders.status(entry.clientOrderId())).isEqualTo("accepted");
        assertThat(jdbc.sql("select from_status, to_status from order_events where client_order_id = ? order by event_id")
                .param(entry.clientOrderId()).query().listOfRows())
                .extracting(r -> r.get("from_status") + ">" + r.get("to_status"))
                .containsExactly("null>pending_submit", "pending_submit>accepted");
        assertThat(jdbc.sql("select broker_order_id, order_class, stop_price from orders where client_order_id = ?").param(entry.clientOrderId())
                .query().singleRow()).containsEntry("broker_order_id", "b-" + entry.clientOrderId()).containsEntry("order_class", "bracket");
    }

    @Test
    void aFillOpensOnePositionASymbolAndAnExitsFillClosesItWithItsSidesPnl() {
        int longId = opened(entry("AAA", OrderSide.BUY), "50.00");
        // the same fill again (a retry) is kept once
        OrderIntent again = entry("AAA", OrderSide.BUY);
        orders.fill(fill(again, "f-" + again.clientOrderId(), "50.00"));
        assertThat(jdbc.sql("select count(*) from fills").query(Integer.class).single()).isEqualTo(1);
        // a second entry's fill while the symbol is held opens no second position
        OrderIntent second = new OrderIntent("entry", "20260106-005", OrderIntent.entryClientOrderId("20260106-005", "AAA", OrderSide.BUY), "AAA", OrderSide.BUY,
                10, new BigDecimal("50.00"), new BigDecimal("48.00"), new BigDecimal("54.00"), new BigDecimal("20.00"), "breakout", null, null);
        orders.insert(second);
        positions.openFromFill(fill(second, "f2", "51.00"));
        orders.linkOpenPosition(fill(second, "f2", "51.00"));
        assertThat(jdbc.sql("select count(*) from positions where status = 'open'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select position_id from orders where client_order_id = ?").param(second.clientOrderId()).query(Integer.class).single())
                .isEqualTo(longId);

        int shortId = opened(entry("BBB", OrderSide.SELL), "50.00");
        assertThat(jdbc.sql("select side from positions where position_id = ?").param(shortId).query(String.class).single()).isEqualTo("short");

        // each side's exit: (exit - entry) x 100 - 0.50 for the long, (entry - exit) x 100 - 0.50 for the short
        OrderIntent sell = exit("AAA", OrderSide.SELL, longId, 0, "take_profit");
        orders.insert(sell);
        positions.closeFromFill(fill(sell, "x1", "53.00"));
        OrderIntent cover = exit("BBB", OrderSide.BUY, shortId, 0, "stop_loss");
        orders.insert(cover);
        positions.closeFromFill(fill(cover, "x2", "51.00"));
        assertThat(jdbc.sql("select status, close_reason, realized_pnl, exit_price from positions where position_id = ?").param(longId)
                .query().singleRow()).containsEntry("status", "closed").containsEntry("close_reason", "take_profit")
                .hasEntrySatisfying("realized_pnl", v -> assertThat((BigDecimal) v).isEqualByComparingTo("299.50"));
        assertThat(jdbc.sql("select realized_pnl from positions where position_id = ?").param(shortId).query(BigDecimal.class).single())
                .isEqualByComparingTo("-100.50");
        // the exit kept its reason on its order (V15)
        assertThat(jdbc.sql("select close_reason from orders where client_order_id = ?").param(cover.clientOrderId()).query(String.class).single())
                .isEqualTo("stop_loss");
        assertThat(positions.open()).isEmpty();
        assertThat(positions.openForExits()).isEmpty();
    }

    @Test
    void theReadersSeeMarksLegsAndFailedExitsByOneRule() {
        int longId = opened(entry("AAA", OrderSide.BUY), "50.00");
        int shortId = opened(entry("BBB", OrderSide.SELL), "50.00");
        positions.mark(List.of(new PositionMark(longId, new BigDecimal("12.00")), new PositionMark(shortId, new BigDecimal("-3.00"))));
        assertThat(positions.open()).extracting(r -> ((BigDecimal) r.get("unrealized_pnl")).toPlainString()).containsExactly("12.00", "-3.00");

        // the long's stop leg works at the broker; the short's cover was refused twice (its exits are buys)
        jdbc.sql("insert into orders (order_id, client_order_id, cycle_id, position_id, security_id, side, order_type, order_class, quantity,"
                + " stop_price, status, parent_client_order_id, leg) select gen_random_uuid(), client_order_id || '-SL', cycle_id, position_id,"
                + " security_id, 'sell', 'stop', 'bracket', 100, 48.00, 'accepted', client_order_id, 'stop_loss' from orders where position_id = ?"
                + " and leg is null and client_order_id like 'CAT-2%'").param(longId).update();
        for (int attempt = 0; attempt < 2; attempt++) {
            OrderIntent cover = exit("BBB", OrderSide.BUY, shortId, attempt, "end_of_day");
            orders.insert(cover);
            orders.answered(answer(cover, "pending_submit", "rejected", 0, null, "insufficient buying power"));
        }
        assertThat(positions.openForExits()).satisfiesExactly(
                r -> assertThat(r).isEqualTo(new PositionForExit(longId, "AAA", PositionSide.LONG, r.quantity(), r.entryPrice(), r.stopLoss(),
                        r.takeProfit(), true, 0)),
                r -> assertThat(r).isEqualTo(new PositionForExit(shortId, "BBB", PositionSide.SHORT, r.quantity(), r.entryPrice(), r.stopLoss(),
                        r.takeProfit(), false, 2)));
        assertThat(positions.openForExits()).extracting(PositionForExit::exitClientOrderId).containsExactly("CAT-EXIT-" + longId, "CAT-EXIT-" + shortId + "-3");
        // the positions API counts by the same rule (it counted sells only, which missed a short's refused covers)
        assertThat(positions.open()).extracting(r -> ((Number) r.get("rejected_exits")).intValue()).containsExactly(0, 2);
        assertThat(positions.openOf("BBB")).singleElement().satisfies(r -> {
            assertThat(r.rejectedExits()).isEqualTo(2);
            assertThat(r.brokerExits()).as("a trader's close takes no notice of the legs").isFalse();
        });
        assertThat(positions.openOf("ZZZ")).isEmpty();
        assertThat(positions.openToClose()).extracting(PositionForExit::symbol).containsExactly("AAA", "BBB");
    }

    @Test
    void theOrdersApiAndATradersRepeatedRequestReadTheRecord() {
        OrderIntent manual = new OrderIntent("entry", null, OrderIntent.MANUAL_PREFIX + "abc123", "CCC", OrderSide.BUY, 5, new BigDecimal("20.00"),
                new BigDecimal("19.00"), new BigDecimal("22.00"), new BigDecimal("5.00"), "manual", null, null, OrderType.MARKET, null, "key-1",
                "{\"symbol\":\"CCC\",\"quantity\":5}");
        assertThat(orders.storedRequest(manual.clientOrderId())).isNull();
        orders.insert(manual);
        assertThat(orders.storedRequest(manual.clientOrderId())).containsEntry("request", "{\"symbol\":\"CCC\",\"quantity\":5}");
        assertThat(orders.traderOrder(manual.clientOrderId())).containsEntry("symbol", "CCC").containsEntry("status", "pending_submit");
        assertThat(orders.traderOrder("CAT-MAN-none")).isNull();

        orders.insert(entry("AAA", OrderSide.BUY));
        orders.insert(entry("BBB", OrderSide.BUY));
        assertThat(orders.latest(2)).hasSize(2);
        assertThat(orders.latest(50)).hasSize(3);
    }

    @Test
    void theMarketStreamReadsTheOpenPositionsSymbols() {
        assertThat(positions.openSymbols()).isEmpty();
        int longId = opened(entry("AAA", OrderSide.BUY), "50.00");
        opened(entry("BBB", OrderSide.SELL), "50.00");
        assertThat(positions.openSymbols()).as("a short too").containsExactlyInAnyOrder("AAA", "BBB");

        OrderIntent exit = exit("AAA", OrderSide.SELL, longId, 0, "take_profit");
        orders.insert(exit);
        positions.closeFromFill(fill(exit, "x1", "53.00"));
        assertThat(positions.openSymbols()).containsExactly("BBB");
    }

    @Test
    void aFillsNotificationReadsItsOrderWithItsPosition() {
        OrderIntent entry = entry("AAA", OrderSide.BUY);
        int longId = opened(entry, "50.00");

        assertThat(orders.orderAndPosition(entry.clientOrderId())).hasValue(new OrderAndPosition("buy", null, null, null, "open"));
        // the long's stop leg at the broker names its leg
        jdbc.sql("insert into orders (order_id, client_order_id, cycle_id, position_id, security_id, side, order_type, order_class, quantity,"
                + " stop_price, status, parent_client_order_id, leg) select gen_random_uuid(), client_order_id || '-SL', cycle_id, position_id,"
                + " security_id, 'sell', 'stop', 'bracket', 100, 48.00, 'accepted', client_order_id, 'stop_loss' from orders where client_order_id = ?")
                .param(entry.clientOrderId()).update();
        assertThat(orders.orderAndPosition(entry.clientOrderId() + "-SL")).hasValue(new OrderAndPosition("sell", "stop_loss", null, null, "open"));

        // an exit's fill closes the position: the order reads the position's reason and realized P&L, (47 - 50) x 100 - 0.50
        OrderIntent exit = exit("AAA", OrderSide.SELL, longId, 0, "stop_loss");
        orders.insert(exit);
        positions.closeFromFill(fill(exit, "x1", "47.00"));
        OrderAndPosition closed = orders.orderAndPosition(exit.clientOrderId()).orElseThrow();
        assertThat(closed.side()).isEqualTo("sell");
        assertThat(closed.leg()).isNull();
        assertThat(closed.closeReason()).isEqualTo("stop_loss");
        assertThat(closed.positionStatus()).isEqualTo("closed");
        assertThat(closed.realizedPnl()).isEqualByComparingTo("-300.50");

        // an order the record does not hold, and one that names no position
        assertThat(orders.orderAndPosition("CAT-none")).isEmpty();
        OrderIntent unfilled = entry("CCC", OrderSide.BUY);
        orders.insert(unfilled);
        assertThat(orders.orderAndPosition(unfilled.clientOrderId())).hasValue(new OrderAndPosition("buy", null, null, null, null));
    }
}
