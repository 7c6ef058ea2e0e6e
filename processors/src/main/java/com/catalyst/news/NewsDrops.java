package com.catalyst.news;

/**
 * Told about every item a news adapter refuses, with the reason (no_symbol, unknown_symbol, future_timestamp,
 * unparseable). The configuration counts them as {@code catalyst_news_dropped_total{reason=…}}.
 */
@FunctionalInterface
public interface NewsDrops {

    String NO_SYMBOL = "no_symbol";
    String UNKNOWN_SYMBOL = "unknown_symbol";
    String FUTURE_TIMESTAMP = "future_timestamp";
    String UNPARSEABLE = "unparseable";

    void dropped(String reason);

    NewsDrops IGNORE = reason -> { };
}
