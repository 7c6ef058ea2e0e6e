package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExitPlannerTest {

    private final Map<String, Double> prices = new HashMap<>();
    private long minutesLeft = 120;
    private final ExitPlanner planner = new ExitPlanner(s -> prices.getOrDefault(s, Double.NaN), () -> minutesLeft, 5);

    private static Map<String, Object> position(int id, String symbol, int quantity, String stop, String target) {
        Map<String, Object> row = new HashMap<>();
        row.put("position_id", id);
        row.put("symbol", symbol);
        row.put("quantity", quantity);
        row.put("stop_loss", stop == null ? null : new BigDecimal(stop));
        row.put("take_profit", target == null ? null : new BigDecimal(target));
        return row;
    }

    @Test
    void sellsWhenThePriceReachesTheStop() {
        prices.put("AAA", 19.0);
        List<OrderIntent> exits = planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00")));
        assertThat(exits).hasSize(1);
        OrderIntent exit = exits.get(0);
        assertThat(exit.closeReason()).isEqualTo("stop_loss");
        assertThat(exit.kind()).isEqualTo("exit");
        assertThat(exit.side()).isEqualTo("sell");
        assertThat(exit.quantity()).isEqualTo(100);
        assertThat(exit.positionId()).isEqualTo(7);
        assertThat(exit.clientOrderId()).isEqualTo(OrderIntent.exitClientOrderId(7));
        assertThat(exit.referencePrice()).isEqualByComparingTo("19.0");
        assertThat(exit.cycleId()).isEqualTo("c");
        prices.put("AAA", 18.5);
        assertThat(planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00"))).get(0).closeReason()).isEqualTo("stop_loss");
    }

    @Test
    void anExitAfterARejectedOneGetsANewIdWhileTheSameAttemptKeepsItsId() {
        prices.put("AAA", 18.0);
        Map<String, Object> row = position(7, "AAA", 100, "19.00", "22.00");
        String first = planner.exits("c1", List.of(row)).get(0).clientOrderId();
        // a restart before any answer plans the same attempt again: the same id, which the broker would refuse to fill twice
        assertThat(planner.exits("c2", List.of(row)).get(0).clientOrderId()).isEqualTo(first).isEqualTo("CAT-EXIT-7");

        // the broker rejected that exit: the next one is a new attempt with a new id, and stays so across restarts
        row.put("rejected_exits", 1L);
        String second = planner.exits("c3", List.of(row)).get(0).clientOrderId();
        assertThat(second).isNotEqualTo(first).isEqualTo("CAT-EXIT-7-2");
        assertThat(planner.exits("c4", List.of(row)).get(0).clientOrderId()).isEqualTo(second);
        assertThat(planner.closing(null, List.of(row), "flatten").get(0).clientOrderId()).isEqualTo(second);

        row.put("rejected_exits", 2L);
        assertThat(planner.closing(null, List.of(row), "flatten").get(0).clientOrderId()).isEqualTo("CAT-EXIT-7-3");
        // another position never shares an attempt's id
        assertThat(OrderIntent.exitClientOrderId(72, 0)).isNotEqualTo(OrderIntent.exitClientOrderId(7, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OrderIntent.exitClientOrderId(7, -1)).hasMessageContaining("position 7");
    }

    @Test
    void sellsWhenThePriceReachesTheTarget() {
        prices.put("AAA", 22.0);
        assertThat(planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00"))))
                .extracting(OrderIntent::closeReason).containsExactly("take_profit");
    }

    @Test
    void holdsWhileThePriceIsBetweenStopAndTarget() {
        prices.put("AAA", 20.5);
        prices.put("BBB", 19.01);
        assertThat(planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00"), position(8, "BBB", 10, "19.00", "22.00"))))
                .isEmpty();
    }

    @Test
    void withoutAPriceOrLevelsNothingIsSoldBeforeTheEndOfDay() {
        assertThat(planner.exits("c", List.of(position(7, "NOPRICE", 100, "19.00", "22.00")))).isEmpty();
        prices.put("AAA", 1.0);
        assertThat(planner.exits("c", List.of(position(8, "AAA", 100, null, null)))).isEmpty();
    }

    @Test
    void flattensEverythingNearTheClose() {
        prices.put("AAA", 20.5);
        minutesLeft = 6;
        assertThat(planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00")))).isEmpty();
        minutesLeft = 5;
        List<OrderIntent> exits = planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00"),
                position(8, "NOPRICE", 50, "1.00", "2.00")));
        assertThat(exits).extracting(OrderIntent::closeReason).containsExactly("end_of_day", "end_of_day");
        assertThat(exits.get(1).referencePrice()).isNull();
        assertThat(exits).extracting(OrderIntent::positionId).containsExactly(7, 8);
    }

    @Test
    void positionIdsAndQuantitiesMayComeAsAnyNumberType() {
        prices.put("AAA", 25.0);
        Map<String, Object> row = position(7, "AAA", 100, "19.00", "22.00");
        row.put("position_id", 7L);
        row.put("quantity", new BigDecimal("100"));
        assertThat(planner.exits("c", List.of(row))).extracting(OrderIntent::quantity).containsExactly(100);
    }

    @Test
    void aPositionWhoseLegsTheBrokerHoldsIsLeftToThemUntilTheEndOfDay() {
        prices.put("AAA", 18.0);
        Map<String, Object> held = position(7, "AAA", 100, "19.00", "22.00");
        held.put("broker_exits", true);
        assertThat(planner.exits("c", List.of(held))).as("the stop leg at the broker sells, not us").isEmpty();
        held.put("broker_exits", false);
        assertThat(planner.exits("c", List.of(held))).extracting(OrderIntent::closeReason).containsExactly("stop_loss");
        held.put("broker_exits", true);
        minutesLeft = 5;
        assertThat(planner.exits("c", List.of(held))).extracting(OrderIntent::closeReason).containsExactly("end_of_day");
    }

    private static Map<String, Object> trailing(String stop, String target, String hwm, String trailPercent) {
        Map<String, Object> row = position(9, "TTT", 50, stop, target);
        row.put("high_water_mark", new BigDecimal(hwm));
        row.put("trail_percent", new BigDecimal(trailPercent));
        return row;
    }

    @Test
    void aTrailingStopAboveTheFixedStopClosesAsTrailingStop() {
        // mark 110, 5 %: the trailing stop is 104.50, above the fixed 95
        prices.put("TTT", 104.6);
        assertThat(planner.exits("c", List.of(trailing("95.00", "130.00", "110", "5")))).isEmpty();
        prices.put("TTT", 104.5);
        OrderIntent exit = planner.exits("c", List.of(trailing("95.00", "130.00", "110", "5"))).get(0);
        assertThat(exit.closeReason()).isEqualTo("trailing_stop");
        assertThat(exit.quantity()).isEqualTo(50);
    }

    @Test
    void theFixedStopStaysTheFloorOfATrailThatStartsBelowIt() {
        // mark 100, 8 %: the trailing stop 92 is under the fixed 95, which closes the position first
        prices.put("TTT", 94.0);
        assertThat(planner.exits("c", List.of(trailing("95.00", "130.00", "100", "8"))).get(0).closeReason()).isEqualTo("stop_loss");
    }

    @Test
    void theTargetStillClosesATrailingPositionWhenItIsReachedFirst() {
        prices.put("TTT", 130.0);
        assertThat(planner.exits("c", List.of(trailing("95.00", "130.00", "129", "5"))).get(0).closeReason()).isEqualTo("take_profit");
        // a trail without a mark (the live record: the broker holds the trailing stop) leaves the fixed stop and target
        Map<String, Object> live = position(9, "TTT", 50, "95.00", "130.00");
        live.put("trail_percent", new BigDecimal("5"));
        prices.put("TTT", 100.0);
        assertThat(planner.exits("c", List.of(live))).isEmpty();
    }

    private static Map<String, Object> shortPosition(int id, String symbol, int quantity, String stop, String target) {
        Map<String, Object> row = position(id, symbol, quantity, stop, target);
        row.put("side", "short");
        return row;
    }

    @Test
    void aShortIsCoveredByABuyAtItsStopAboveOrItsTargetBelow() {
        Map<String, Object> row = shortPosition(9, "BBB", 50, "21.00", "18.00");
        prices.put("BBB", 20.0);
        assertThat(planner.exits("c", List.of(row))).isEmpty();
        prices.put("BBB", 21.2);
        OrderIntent stop = planner.exits("c", List.of(row)).get(0);
        assertThat(stop.side()).isEqualTo("buy");
        assertThat(stop.closeReason()).isEqualTo("stop_loss");
        assertThat(stop.quantity()).isEqualTo(50);
        assertThat(stop.clientOrderId()).isEqualTo("CAT-EXIT-9");
        prices.put("BBB", 17.9);
        assertThat(planner.exits("c", List.of(row))).singleElement().satisfies(e -> {
            assertThat(e.side()).isEqualTo("buy");
            assertThat(e.closeReason()).isEqualTo("take_profit");
        });
        row.put("broker_exits", true);
        assertThat(planner.exits("c", List.of(row))).isEmpty();
        minutesLeft = 5;
        assertThat(planner.exits("c", List.of(row))).singleElement().satisfies(e -> {
            assertThat(e.side()).isEqualTo("buy");
            assertThat(e.closeReason()).isEqualTo("end_of_day");
        });
        assertThat(planner.closing("c", List.of(row), "manual")).singleElement().satisfies(e -> assertThat(e.side()).isEqualTo("buy"));
    }

    @Test
    void aShortGainsAsThePriceFalls() {
        prices.put("BBB", 19.0);
        assertThat(planner.marks(List.of(withEntry(shortPosition(9, "BBB", 50, "21.00", "18.00"), "20.00"))))
                .singleElement().satisfies(m -> assertThat((BigDecimal) m.get("unrealized_pnl")).isEqualByComparingTo("50.00"));
        assertThat(planner.marks(List.of(withEntry(position(8, "BBB", 50, "18.00", "22.00"), "20.00"))))
                .singleElement().satisfies(m -> assertThat((BigDecimal) m.get("unrealized_pnl")).isEqualByComparingTo("-50.00"));
    }

    private static Map<String, Object> shortTrailing(String stop, String target, String lwm, String trailPercent) {
        Map<String, Object> row = shortPosition(9, "SSS", 50, stop, target);
        row.put("low_water_mark", new BigDecimal(lwm));
        row.put("trail_percent", new BigDecimal(trailPercent));
        return row;
    }

    @Test
    void aShortsTrailingStopUnderTheFixedStopCoversAsTrailingStop() {
        // mark 90, 5 %: the trailing stop is 94.50, under the fixed 105
        prices.put("SSS", 94.4);
        assertThat(planner.exits("c", List.of(shortTrailing("105.00", "70.00", "90", "5")))).isEmpty();
        prices.put("SSS", 94.5);
        OrderIntent exit = planner.exits("c", List.of(shortTrailing("105.00", "70.00", "90", "5"))).get(0);
        assertThat(exit.closeReason()).isEqualTo("trailing_stop");
        assertThat(exit.side()).isEqualTo("buy");
        assertThat(exit.quantity()).isEqualTo(50);
        // a long's high-water mark is no short's mark: without its low-water mark a short has no trailing stop
        Map<String, Object> wrongMark = shortPosition(9, "SSS", 50, "105.00", "70.00");
        wrongMark.put("high_water_mark", new BigDecimal("90"));
        wrongMark.put("trail_percent", new BigDecimal("5"));
        assertThat(planner.exits("c", List.of(wrongMark))).isEmpty();
    }

    @Test
    void theFixedStopStaysTheCeilingOfAShortsTrailThatStartsAboveIt() {
        // mark 100, 8 %: the trailing stop 108 is over the fixed 105, which covers the short first
        prices.put("SSS", 105.0);
        assertThat(planner.exits("c", List.of(shortTrailing("105.00", "70.00", "100", "8")))).singleElement().satisfies(e -> {
            assertThat(e.closeReason()).isEqualTo("stop_loss");
            assertThat(e.side()).isEqualTo("buy");
        });
        prices.put("SSS", 104.9);
        assertThat(planner.exits("c", List.of(shortTrailing("105.00", "70.00", "100", "8")))).isEmpty();
    }

    @Test
    void theTargetStillCoversATrailingShortWhenItIsReachedFirst() {
        // a dollar trail: mark 71, stop 73; the price at the target below covers as take_profit
        Map<String, Object> row = shortPosition(9, "SSS", 50, "105.00", "70.00");
        row.put("low_water_mark", new BigDecimal("71"));
        row.put("trail_price", new BigDecimal("2.00"));
        prices.put("SSS", 70.0);
        assertThat(planner.exits("c", List.of(row))).singleElement().satisfies(e -> {
            assertThat(e.closeReason()).isEqualTo("take_profit");
            assertThat(e.side()).isEqualTo("buy");
        });
        prices.put("SSS", 73.0);
        assertThat(planner.exits("c", List.of(row))).extracting(OrderIntent::closeReason).containsExactly("trailing_stop");
        // live, the broker holds the short's trailing stop (no mark in the row): the planner watches the target and the fixed stop
        Map<String, Object> live = shortPosition(9, "SSS", 50, "105.00", "70.00");
        live.put("trail_percent", new BigDecimal("5"));
        prices.put("SSS", 90.0);
        assertThat(planner.exits("c", List.of(live))).isEmpty();
        prices.put("SSS", 69.9);
        assertThat(planner.exits("c", List.of(live))).extracting(OrderIntent::closeReason).containsExactly("take_profit");
        prices.put("SSS", 105.1);
        assertThat(planner.exits("c", List.of(live))).extracting(OrderIntent::closeReason).containsExactly("stop_loss");
    }

    private static Map<String, Object> withEntry(Map<String, Object> row, String entry) {
        row.put("entry_price", new BigDecimal(entry));
        return row;
    }
}
