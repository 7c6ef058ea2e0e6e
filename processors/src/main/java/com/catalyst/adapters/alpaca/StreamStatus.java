package com.catalyst.adapters.alpaca;

import java.time.Instant;
import java.util.List;

/**
 * What one Alpaca stream says about itself, for {@code /health} and the stale-data guard.
 *
 * @param stream           {@code market-data} or {@code trade-updates}
 * @param connected        authenticated and subscribed (listening) on an open connection
 * @param lastMessageAt    when the last message of any kind arrived (wall clock), null before the first
 * @param lastDataAt       when the last bar (market data) or trade update (trading) arrived, null before the first
 * @param subscribed       how many symbols Alpaca's last subscription answer lists for bars ({@code *}, every symbol, counts 1)
 * @param problems         named conditions an operator must see: Alpaca's 405, 406, 409, a refusal of the keys, …
 * @param unreadableFrames messages (or bar entries of a message) that could not be read and were skipped
 * @param reconnects       connection attempts made after a drop (not the first connection)
 */
public record StreamStatus(String stream, boolean connected, Instant lastMessageAt, Instant lastDataAt, int subscribed,
                           List<String> problems, long unreadableFrames, long reconnects) {

    public StreamStatus {
        problems = List.copyOf(problems);
    }
}
