package com.catalyst.news;

import java.time.Instant;

/** One headline about one symbol, as a news source delivered it. Headlines and summaries are untrusted text. */
public record NewsItem(String id, String symbol, String headline, String summary, String source, String url, Instant publishedAt) {
}
