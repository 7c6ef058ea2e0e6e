package com.catalyst.adapters.alpaca;

import java.util.ArrayList;
import java.util.List;

/**
 * The start-up rule of the Alpaca broker: it sends real bracket orders (paper or live), so it runs only on Alpaca's
 * market data and the real clock. On the simulated or replayed market its orders would be sized and stopped on
 * seeded random prices (the simulated tickers are random strings, many of them real listings), and on a simulated
 * clock its flatten would come at a simulated close.
 */
public final class AlpacaBrokerSafety {

    private AlpacaBrokerSafety() {
    }

    /** Throws, naming every setting that is not as the Alpaca broker needs it, unless the market and the clock are live. */
    public static void requireLiveMarket(String marketAdapter, String clockMode) {
        List<String> wrong = new ArrayList<>();
        if (!"alpaca".equals(marketAdapter)) {
            wrong.add("catalyst.market.adapter (CATALYST_MARKET_ADAPTER) is " + marketAdapter + ", must be alpaca");
        }
        if (!"real".equals(clockMode)) {
            wrong.add("catalyst.clock.mode (CATALYST_CLOCK_MODE) is " + clockMode + ", must be real");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("catalyst.broker.adapter=alpaca sends real orders to Alpaca and needs Alpaca's market data"
                    + " and the real clock: " + String.join("; ", wrong) + ". Otherwise its orders are sized and stopped on simulated"
                    + " prices and flattened at a simulated close. Set CATALYST_MARKET_ADAPTER=alpaca and CATALYST_CLOCK_MODE=real,"
                    + " or use catalyst.broker.adapter=paper (CATALYST_BROKER_ADAPTER=paper) on the simulated market");
        }
    }
}
