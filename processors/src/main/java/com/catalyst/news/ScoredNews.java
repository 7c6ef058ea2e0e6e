package com.catalyst.news;

import java.time.Instant;

/** A headline with its sentiment, label, catalyst class and strength, ready to be stored in {@code news_sentiment}. */
public record ScoredNews(String symbol, String headline, String summary, String source, String url, Instant publishedAt,
                         double sentimentScore, String sentimentLabel, String catalystType, String catalystStrength, String dedupKey) {
}
