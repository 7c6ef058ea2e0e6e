package com.catalyst.trading;

import java.util.List;

/** The outcomes of a trading call, in the intents' order. */
public record TradeResponse(String cycleId, List<OrderOutcome> outcomes) {

    public long placed() {
        return outcomes.stream().filter(o -> "filled".equals(o.status()) || "new".equals(o.status())
                || "accepted".equals(o.status()) || "partially_filled".equals(o.status())).count();
    }
}
