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

    private static PositionForExit position(int id, String symbol, int quantity, String stop, String target) {
        return open(id, symbol, PositionSide.LONG, quantity, "20.00", stop, target);
    }

    private static PositionForExit shortPosition(int id, String symbol, int quantity, String stop, String target) {
        return open(id, symbol, PositionSide.SHORT, quantity, "20.00", stop, target);
    }

    private static PositionForExit open(int id, String symbol, PositionSide side, int quantity, String entry, String stop, String target) {
        return new PositionForExit(id, symbol, side, quantity, new BigDecimal(entry), stop == null ? null : new BigDecimal(stop),
                target == null ? null : new BigDecimal(target), false, 0);
    }

    @Test
    void sellsWhenThePriceReachesTheStop() {
        prices.put("AAA", 19.0);
        List<OrderIntent> exits = planner.exits("c", List.of(position(7, "AAA", 100, "19.00", "22.00")));
        assertThat(exits).hasSize(1);
        OrderIntent exit = exits.get(0);
        assertThat(exit.closeReason()).isEqualTo("stop_loss");
        assertThat(exit.kind()).isEqualTo("exit");
        assertThat(exit.side()).isEqualTo(OrderSide.SELL);
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
        PositionForExit row = position(7, "AAA", 100, "19.00", "22.00");
        String first = planner.exits("c1", List.of(row)).get(0).clientOrderId();
        // a restart before any answer plans the same attempt again: the same id, which the broker would refuse to fill twice
        assertThat(planner.exits("c2", List.of(row)).get(0).clientOrderId()).isEqualTo(first).isEqualTo("CAT-EXIT-7");

        // the broker rejected that exit: the next one is a new attempt with a new id, and stays so across restarts
        row = row.withExits(false, 1);
        String second = planner.exits("c3", List.of(row)).get(0).clientOrderId();
        assertThat(second).isNotEqualTo(first).isEqualTo("CAT-EXIT-7-2");
        assertThat(planner.exits("c4", List.of(row)).get(0).clientOrderId()).isEqualTo(second);
        assertThat(planner.closing(null, List.of(row), "flatten").get(0).clientOrderId()).isEqualTo(second);

        row = row.withExits(false, 2);
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
    void aPositionWhoseLegsTheBrokerHoldsIsLeftToThemUntilTheEndOfDay() {
        prices.put("AAA", 18.0);
        PositionForExit held = position(7, "AAA", 100, "19.00", "22.00").withExits(true, 0);
        assertThat(planner.exits("c", List.of(held))).as("the stop leg at the broker sells, not us").isEmpty();
        assertThat(planner.exits("c", List.of(held.withExits(false, 0)))).extracting(OrderIntent::closeReason).containsExactly("stop_loss");
        minutesLeft = 5;
        assertThat(planner.exits("c", List.of(held))).extracting(OrderIntent::closeReason).containsExactly("end_of_day");
    }

    @Test
    void aShortIsCoveredByABuyAtItsStopAboveOrItsTargetBelow() {
        PositionForExit row = shortPosition(9, "BBB", 50, "21.00", "18.00");
        prices.put("BBB", 20.0);
        assertThat(planner.exits("c", List.of(row))).isEmpty();
        prices.put("BBB", 21.2);
        OrderIntent stop = planner.exits("c", List.of(row)).get(0);
        assertThat(stop.side()).isEqualTo(OrderSide.BUY);
        assertThat(stop.closeReason()).isEqualTo("stop_loss");
        assertThat(stop.quantity()).isEqualTo(50);
        assertThat(stop.clientOrderId()).isEqualTo("CAT-EXIT-9");
        prices.put("BBB", 17.9);
        assertThat(planner.exits("c", List.of(row))).singleElement().satisfies(e -> {
            assertThat(e.side()).isEqualTo(OrderSide.BUY);
            assertThat(e.closeReason()).isEqualTo("take_profit");
        });
        row = row.withExits(true, 0);
        assertThat(planner.exits("c", List.of(row))).isEmpty();
        minutesLeft = 5;
        assertThat(planner.exits("c", List.of(row))).singleElement().satisfies(e -> {
            assertThat(e.side()).isEqualTo(OrderSide.BUY);
            assertThat(e.closeReason()).isEqualTo("end_of_day");
        });
        assertThat(planner.closing("c", List.of(row), "manual")).singleElement().satisfies(e -> assertThat(e.side()).isEqualTo(OrderSide.BUY));
    }

    @Test
    void aShortGainsAsThePriceFalls() {
        prices.put("BBB", 19.0);
        assertThat(planner.marks(List.of(shortPosition(9, "BBB", 50, "21.00", "18.00"))))
                .singleElement().satisfies(m -> assertThat(m.unrealizedPnl()).isEqualByComparingTo("50.00"));
        assertThat(planner.marks(List.of(position(8, "BBB", 50, "18.00", "22.00"))))
                .singleElement().satisfies(m -> assertThat(m.unrealizedPnl()).isEqualByComparingTo("-50.00"));
        // no last price: no mark, rather than a mark at zero
        assertThat(planner.marks(List.of(position(8, "NOPRICE", 50, "18.00", "22.00")))).isEmpty();
    }

    @Test
    void aShortIsCoveredAtTheFixedStopAboveAndTheTargetBelow() {
        PositionForExit row = shortPosition(9, "SSS", 50, "105.00", "70.00");
        prices.put("SSS", 90.0);
        assertThat(planner.exits("c", List.of(row))).isEmpty();
        prices.put("SSS", 70.0);
        assertThat(planner.exits("c", List.of(row))).extracting(OrderIntent::closeReason).containsExactly("take_profit");
        prices.put("SSS", 105.0);
        assertThat(planner.exits("c", List.of(row))).extracting(OrderIntent::closeReason).containsExactly("stop_loss");
        prices.put("SSS", 104.99);
        assertThat(planner.exits("c", List.of(row))).isEmpty();
    }
}
