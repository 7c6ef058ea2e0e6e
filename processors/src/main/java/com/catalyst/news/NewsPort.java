package com.catalyst.news;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where headlines come from: simulated, replayed, Alpaca's news API, NewsAPI or Alpha Vantage, chosen by
 * configuration. One call a cycle for every candidate: network adapters batch the symbols into few requests.
 */
public interface NewsPort {

    /**
     * The items of each of {@code symbols} published in [from, to], newest first. A story that names several of the
     * symbols is an item for each of them. A symbol without news may be absent from the map or map to an empty list.
     */
    Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to);

    /** One symbol's items: the batch call for a single symbol. */
    default List<NewsItem> news(String symbol, Instant from, Instant to) {
        return news(List.of(symbol), from, to).getOrDefault(symbol, List.of());
    }
}
