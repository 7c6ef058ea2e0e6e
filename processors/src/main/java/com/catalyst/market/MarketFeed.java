package com.catalyst.market;

import java.time.Instant;
import java.util.List;

/**
 * What a live market adapter says about its data: which feed, whether its stream is connected, when the last bar
 * arrived and what went wrong (a symbol limit, a missing subscription). {@code /health} shows it and the stale-data
 * guard reads {@link Status#lastBarAt()}. Adapters whose bars come from the process itself (simulated, replay) do not
 * implement it: their data cannot go stale.
 */
public interface MarketFeed {

    Status status();

    /**
     * @param adapter   the adapter's name ({@code alpaca})
     * @param feed      the data feed ({@code iex}, {@code sip})
     * @param streaming whether this process holds the venue's stream (else it receives bars from the process that does)
     * @param connected whether bars are arriving: the stream is authenticated and subscribed, or the relay is up
     * @param lastBarAt when the last live bar was received (wall-clock), or null before the first
     * @param subscribed how many symbols the stream asks bars for
     * @param problems  named conditions an operator must see (Alpaca's 405 symbol limit, 409 insufficient subscription, …)
     */
    record Status(String adapter, String feed, boolean streaming, boolean connected, Instant lastBarAt, int subscribed,
                  List<String> problems) {
    }
}
