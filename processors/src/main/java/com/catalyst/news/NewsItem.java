package com.catalyst.news;

import java.time.Instant;

/**
 * One headline about one symbol, as a news source delivered it. Headlines and summaries are untrusted text.
 * {@code providerSentiment} is the source's own score of the story for this symbol in [-1, 1] (Alpha Vantage's
 * {@code ticker_sentiment_score}), or null when the source gives none and the analyzer scores the words itself.
 */
public record NewsItem(String id, String symbol, String headline, String summary, String source, String url, Instant publishedAt,
                       Double providerSentiment) {

    /** An item without a provider's score: the analyzer's word list scores it. */
    public NewsItem(String id, String symbol, String headline, String summary, String source, String url, Instant publishedAt) {
        this(id, symbol, headline, summary, source, url, publishedAt, null);
    }
}
