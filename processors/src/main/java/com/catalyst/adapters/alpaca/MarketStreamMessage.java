package com.catalyst.adapters.alpaca;

import java.util.List;

import com.catalyst.market.Bar;

/** One entry of a market-data stream message (Alpaca sends JSON arrays of them), as {@link MarketStreamParser} reads it. */
public sealed interface MarketStreamMessage {

    /** A minute bar ({@code T=b}) or an updated one ({@code T=u}), stamped with its end. */
    record BarMessage(String symbol, Bar bar, boolean updated) implements MarketStreamMessage {
    }

    /** {@code T=success}: {@code connected} or {@code authenticated}. */
    record Success(String msg) implements MarketStreamMessage {
    }

    /** {@code T=subscription}: the whole current set of bar symbols after a (un)subscribe. */
    record Subscription(List<String> bars) implements MarketStreamMessage {
    }

    /** {@code T=error} with Alpaca's code (400 … 500). */
    record Error(int code, String msg) implements MarketStreamMessage {
    }

    /** An entry that is not in the documented shape (a bar without a price, an error without a code): skipped. */
    record Unreadable(String reason) implements MarketStreamMessage {
    }

    /** A type Catalyst does not use (trades, quotes, statuses, daily bars, …). */
    record Ignored(String type) implements MarketStreamMessage {
    }
}
