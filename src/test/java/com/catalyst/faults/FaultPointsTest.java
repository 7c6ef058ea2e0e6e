package com.catalyst.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.OrderSide;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPointsTest {

    @Test
    void onlyTheNamedStepOfACyclePausesAndOnlyOnce() {
        FaultPoints sent = new FaultPoints("sent", "", Duration.ZERO);
        assertThat(sent.pause("before-send", "CAT-1", "buy", "20260106-001")).isFalse();
        assertThat(sent.pause("sent", "CAT-1", "buy", null)).as("a reconciliation re-run, outside a cycle").isFalse();
        assertThat(sent.pause("sent", "CAT-1", "buy", "20260106-001")).isTrue();
        assertThat(sent.pause("sent", "CAT-2", "sell", "20260106-001")).isFalse();
    }

    @Test
    void aNamedSideLetsTheOtherSidePass() {
        FaultPoints sells = new FaultPoints("sent", "sell", Duration.ZERO);
        assertThat(sells.pause("sent", "CAT-20260106-001-AAPL-buy", "buy", "20260106-001")).isFalse();
        assertThat(sells.pause("sent", "CAT-20260106-001-MSFT-sell", "sell", "20260106-001")).isTrue();
        assertThat(sells.pause("sent", "CAT-20260106-001-TSLA-sell", "sell", "20260106-001")).as("only once").isFalse();
        assertThatThrownBy(() -> new FaultPoints("sent", "short", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pause-side").hasMessageContaining("short");
    }

    @Test
    void anUnknownStepIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new FaultPoints("after-lunch", "", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before-send").hasMessageContaining("after-lunch");
    }

    /**
     * As a Camel intercept strategy it pauses just before the route step its point names (by the step's id), for the
     * order in the exchange's {@code intent}; every other step runs untouched. The marked steps are of the kinds the
     * order route uses (a log, a bean, a filter, a setHeader); observers between them note whether the pause has happened.
     */
    @Test
    void asAnInterceptStrategyItPausesJustBeforeTheNamedStep() throws Exception {
        for (String point : FaultPoints.STEPS) {
            FaultPoints faults = new FaultPoints(point, "sell", Duration.ZERO);
            List<Boolean> seen = new ArrayList<>();
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.getCamelContextExtension().addInterceptStrategy(faults);
                camel.getRegistry().bind("noop", new Noop());
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:place").id("place")
                                .process(e -> seen.add(faults.paused.get()))
                                .log(LoggingLevel.DEBUG, "sending").id("order-send")
                                .process(e -> seen.add(faults.paused.get()))
                                .bean("noop", "run").id("order-transition")
                                .process(e -> seen.add(faults.paused.get()))
                                .filter(constant(true)).id("order-fill")
                                    .process(e -> seen.add(faults.paused.get()))
                                    .setHeader("channel", constant("catalyst:positions")).id("position-publish")
                                    .process(e -> seen.add(faults.paused.get()))
                                .end();
                    }
                });
                camel.start();
                ProducerTemplate producer = camel.createProducerTemplate();
                // a buy passes, and so does a sell outside a cycle (reconciliation's re-run)
                producer.send("direct:place", e -> {
                    e.setProperty("intent", intent(OrderSide.BUY));
                    e.setProperty("cycleId", "20260106-001");
                });
                producer.send("direct:place", e -> e.setProperty("intent", intent(OrderSide.SELL)));
                assertThat(faults.paused.get()).as(point).isFalse();
                seen.clear();
                producer.send("direct:place", e -> {
                    e.setProperty("intent", intent(OrderSide.SELL));
                    e.setProperty("cycleId", "20260106-001");
                });
            }
            // observers 0..k ran before the k-th point's step, the rest after its pause
            int k = FaultPoints.STEPS.indexOf(point);
            List<Boolean> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                expected.add(i > k);
            }
            assertThat(seen).as(point).isEqualTo(expected);
        }
    }

    /** A bean step, as the order route's. */
    public static class Noop {
        public void run() {
        }
    }

    private static OrderIntent intent(OrderSide side) {
        return new OrderIntent("entry", "20260106-001", OrderIntent.entryClientOrderId("20260106-001", "ABC", side), "ABC", side, 100,
                new BigDecimal("20.00"), null, null, null, "bull_flag", null, null, null, null, null, null);
    }
}
