package com.catalyst.notify;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An event is built wherever a desk decides, so building one must never throw at the caller. */
class NotifyEventTest {

    @Test
    void aDetailWithoutAValueIsLeftOutInsteadOfFailingTheCaller() {
        Map<String, Object> details = new HashMap<>();
        details.put("cycle_id", null);
        details.put("realized_pnl_today", -3000);

        NotifyEvent event = NotifyEvent.of("kill_switch_tripped", null, details);

        assertThat(event.details()).containsOnlyKeys("realized_pnl_today");
        assertThat(event.text()).startsWith("Catalyst: kill switch tripped, realized_pnl_today -3000 (");
    }

    @Test
    void moreDetailsKeepTheEventsTimeAndSymbol() {
        NotifyEvent fill = NotifyEvent.of("fill", "AAPL", Map.of("side", "sell"));

        NotifyEvent exit = fill.with("exit_filled", Map.of("realized_pnl", 12));

        assertThat(exit.event()).isEqualTo("exit_filled");
        assertThat(exit.time()).isEqualTo(fill.time());
        assertThat(exit.symbol()).isEqualTo("AAPL");
        assertThat(exit.details()).containsEntry("side", "sell").containsEntry("realized_pnl", 12);
    }
}
