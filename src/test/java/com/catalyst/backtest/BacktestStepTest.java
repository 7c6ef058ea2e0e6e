package com.catalyst.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BacktestStepTest {

    /** Tells which step ran on which cycle. */
    private static final class Recording extends BacktestStages {
        final List<String> calls = new ArrayList<>();

        @Override public void manage(BacktestCycle c) { calls.add("manage " + c.cycleId()); }
        @Override public void scan(BacktestCycle c) { calls.add("scan " + c.cycleId()); }
        @Override public void news(BacktestCycle c) { calls.add("news " + c.cycleId()); }
        @Override public void patterns(BacktestCycle c) { calls.add("pattern " + c.cycleId()); }
        @Override public void technicals(BacktestCycle c) { calls.add("technical " + c.cycleId()); }
        @Override public void risk(BacktestCycle c) { calls.add("risk " + c.cycleId()); }
        @Override public void enter(BacktestCycle c) { calls.add("trade " + c.cycleId()); }
    }

    @Test
    void eachStepOfTheCycleIsBoundUnderItsNameAndRunsThatStepOnTheExchangesCycle() throws Exception {
        Recording stages = new Recording();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            BacktestStep.bindAll(camel.getRegistry(), stages);
            List<String> expected = new ArrayList<>();
            for (String step : BacktestStages.CYCLE) {
                BacktestStep processor = camel.getRegistry().lookupByNameAndType(BacktestStep.ref(step), BacktestStep.class);
                assertThat(processor).as(BacktestStep.ref(step)).isNotNull();
                Exchange exchange = new DefaultExchange(camel);
                exchange.getIn().setBody(new BacktestCycle(null, "20250102-00" + expected.size(), LocalDate.of(2025, 1, 2), Instant.EPOCH));
                processor.process(exchange);
                expected.add(step + " 20250102-00" + expected.size());
            }
            assertThat(stages.calls).containsExactlyElementsOf(expected);
            assertThat(BacktestStep.ref("pattern")).isEqualTo("backtestPatternStep");
        }
    }

    @Test
    void aBodyThatIsNoCycleIsRefusedAndNoStepRuns() throws Exception {
        Recording stages = new Recording();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getIn().setBody("not a cycle");
            assertThatThrownBy(() -> new BacktestStep(stages, "risk").process(exchange)).isInstanceOf(InvalidPayloadException.class);
            assertThat(stages.calls).isEmpty();
        }
    }

    @Test
    void aStepTheCycleDoesNotHaveIsRefusedWhenBound() {
        assertThatThrownBy(() -> new BacktestStep(new BacktestStages(), "exits")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cycle step exits");
    }
}
