package com.catalyst.gateway.routes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.gateway.tools.ToolFailure;
import com.catalyst.reporting.chart.CandleChart;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What get_working_orders keeps, what replace_order refuses and sends, and what get_chart reads from the API replies. */
class TradersRoutesHelpersTest {

    final WorkingOrders orders = new WorkingOrders(new ObjectMapper());
    final ObjectMapper json = new ObjectMapper();

    static Map<String, Object> order(String id, String status, String side, String type, String leg) {
        Map<String, Object> o = new HashMap<>();
        o.put("client_order_id", id);
        o.put("symbol", "AAPL");
        o.put("status", status);
        o.put("side", side);
        o.put("order_type", type);
        o.put("leg", leg);
        o.put("quantity", 10);
        o.put("stop_price", 95.5);
        return o;
    }

    final List<Map<String, Object>> recent = List.of(order("a", "accepted", "buy", "limit", null), order("b", "filled", "buy", "market", null),
            order("c", "held", "sell", "stop", "stop_loss"), order("d", "partially_filled", "buy", "limit", null));

    @Test
    @SuppressWarnings("unchecked")
    void aShortsLimitEntryIsReplacedByAShortAndAnExitSellIsNotReplaced() throws Exception {
        Map<String, Object> shortEntry = order("CAT-MAN-0123456789abcdef0123456789abcdef", "accepted", "sell", "limit", null);
        Map<String, Object> exit = order("CAT-EXIT-7", "accepted", "sell", "limit", null);
        List<Map<String, Object>> book = List.of(shortEntry, exit);

        assertThat(orders.replaceable(book, "CAT-MAN-0123456789abcdef0123456789abcdef")).isSameAs(shortEntry);
        assertThat(json.readValue(orders.replacement(shortEntry, Map.of("limit_price", 101.0)), Map.class)).containsEntry("side", "short");
        assertThatThrownBy(() -> orders.replaceable(book, "CAT-EXIT-7")).isInstanceOf(ToolFailure.class).hasMessageContaining("exit")
                .hasMessageContaining("cancel_order");
    }

    @Test
    void workingOrdersAreThoseThatMayStillFill() {
        assertThat(orders.working(recent)).extracting(o -> o.get("client_order_id")).containsExactly("a", "c", "d");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyAWorkingLimitEntryIsReplacedAndTheNewOneKeepsItsQuantityButNotTheOldStop() throws Exception {
        assertThat(orders.replaceable(recent, "a")).containsEntry("client_order_id", "a");
        assertThatThrownBy(() -> orders.replaceable(recent, "b")).isInstanceOf(ToolFailure.class).hasMessageContaining("is filled");
        assertThatThrownBy(() -> orders.replaceable(recent, "c")).hasMessageContaining("stop_loss leg").hasMessageContaining("cancel_order");
        assertThatThrownBy(() -> orders.replaceable(recent, "zz")).hasMessageContaining("get_working_orders");

        Map<String, Object> body = json.readValue(orders.replacement(recent.get(0), Map.of("limit_price", 99.123)), Map.class);
        assertThat(body).containsEntry("symbol", "AAPL").containsEntry("side", "buy").containsEntry("type", "limit")
                .containsEntry("quantity", 10).containsEntry("limit_price", 99.12).doesNotContainKey("stop_price");
        assertThat((String) body.get("idempotency_key")).matches("replace-[0-9a-f]{24}");
        Map<String, Object> resized = json.readValue(orders.replacement(recent.get(0), Map.of("limit_price", 99.0, "quantity", 4)), Map.class);
        assertThat(resized.get("quantity")).isEqualTo(4);
        assertThat(resized.get("idempotency_key")).isEqualTo(body.get("idempotency_key"));
    }

    @Test
    void anOrderThatFilledBeforeTheCancelIsNotReplaced() {
        assertThatThrownBy(() -> orders.requireCanceled(Map.of("status", "canceled", "filled_qty", 3), "a")).hasMessageContaining("had filled 3");
        orders.requireCanceled(Map.of("status", "canceled", "filled_qty", 0), "a");
    }

    @Test
    void chartDataIsReadFromTheApisReplies() {
        Map<String, Object> report = Map.of("findings", List.of(
                Map.of("pattern_type", "bull_flag", "direction", "bullish", "first_bar_time", "2026-03-02T14:40:00Z", "last_bar_time", "2026-03-02T14:50:00Z"),
                Map.of("pattern_type", "hammer", "direction", "bullish", "first_bar_time", "2026-03-02T14:55:00Z", "last_bar_time", "2026-03-02T14:55:00Z")));
        assertThat(SessionCharts.latestPattern(report).type()).isEqualTo("hammer");
        assertThat(SessionCharts.latestPattern(null)).isNull();

        List<Map<String, Object>> fills = List.of(
                fill("AAPL", "buy", null, null, "2026-03-02T14:45:10Z", 101.25),
                fill("AAPL", "sell", "take_profit", "p1", "2026-03-02T15:10:00.123+00:00", 103.5),
                fill("MSFT", "buy", null, null, "2026-03-02T14:45:10Z", 400),
                fill("AAPL", "buy", null, null, "2026-02-27T15:00:00Z", 99));
        List<CandleChart.TradeMark> marks = SessionCharts.fills("AAPL", LocalDate.of(2026, 3, 2), fills);
        assertThat(marks).extracting(CandleChart.TradeMark::entry).containsExactly(true, false);
        assertThat(marks.get(1).time()).isEqualTo(Instant.parse("2026-03-02T15:10:00.123Z"));
        assertThat(SessionCharts.instant(1772462700.5)).isEqualTo(Instant.parse("2026-03-02T14:45:00.500Z"));
    }

    static Map<String, Object> fill(String symbol, String side, String leg, String parent, String at, double price) {
        Map<String, Object> o = new HashMap<>();
        o.put("symbol", symbol);
        o.put("side", side);
        o.put("leg", leg);
        o.put("parent_client_order_id", parent);
        o.put("filled_at", at);
        o.put("filled_avg_price", price);
        return o;
    }
}
