package com.catalyst.adapters.alpaca;

import com.catalyst.market.Bar;

/**
 * Where the market-data stream delivers: the Alpaca market adapter's bar store in the process that holds the stream,
 * or the relay that passes bars on to the processes that do not.
 */
public interface LiveBars {

    /**
     * One minute bar of {@code symbol}, already stamped with its end (Alpaca stamps its start), not yet sanitized.
     *
     * @param updated true for an {@code updatedBars} message: the corrected bar of a minute already delivered
     */
    void onBar(String symbol, Bar bar, boolean updated);

    /** The stream is authenticated and subscribed again after a drop: the minutes it missed must be back-filled. */
    void onReconnected();
}
