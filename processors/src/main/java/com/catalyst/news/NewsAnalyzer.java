package com.catalyst.news;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the candidates' recent headlines in one batch from the news port, scores and classifies them, and sums them
 * up as a catalyst per symbol. An item's sentiment is the source's own score for its symbol when the source gives one
 * (Alpha Vantage's per-ticker score), else the finance word list's score of its headline and summary.
 */
public final class NewsAnalyzer {

    /** Items at or above this sentiment count as bullish catalysts (the earlier implementation's 0.3). */
    static final double BULLISH = 0.3;

    private final NewsPort news;
    private final SentimentScorer sentiment;
    private final CatalystClassifier classifier;
    private final Duration lookback;

    public NewsAnalyzer(NewsPort news, SentimentScorer sentiment, CatalystClassifier classifier, Duration lookback) {
        this.news = news;
        this.sentiment = sentiment;
        this.classifier = classifier;
        this.lookback = lookback;
    }

    public NewsResponse analyze(NewsRequest request) {
        Instant from = request.asOf().minus(lookback);
        List<SymbolCatalyst> catalysts = new ArrayList<>();
        List<ScoredNews> scored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // one call for every candidate: the adapters batch them into few requests (docs/news.md)
        Map<String, List<NewsItem>> bySymbol = news.news(request.symbols(), from, request.asOf());
        for (String symbol : request.symbols()) {
            double bullishSum = 0;
            int bullish = 0;
            double sentimentSum = 0;
            int count = 0;
            String strongestType = null;
            double strongest = 0;
            for (NewsItem item : bySymbol.getOrDefault(symbol, List.of())) {
                String key = dedupKey(item);
                if (!seen.add(key)) {
                    continue; // the same story from another source or a second fetch
                }
                double score = item.providerSentiment() != null ? item.providerSentiment()
                        : sentiment.score(item.headline() + " " + (item.summary() == null ? "" : item.summary()));
                String type = classifier.classify(item.headline()).orElse(null);
                scored.add(new ScoredNews(symbol, item.headline(), item.summary(), item.source(), item.url(), item.publishedAt(),
                        round3(score), SentimentScorer.label(score), type, CatalystClassifier.strength(score), key));
                sentimentSum += score;
                count++;
                if (score >= BULLISH) {
                    bullishSum += score;
                    bullish++;
                }
                if (type != null && Math.abs(score) > strongest) {
                    strongest = Math.abs(score);
                    strongestType = type;
                }
            }
            double catalystScore = bullish == 0 ? 0 : Math.min(1.0, bullishSum / bullish) * 100;
            catalysts.add(new SymbolCatalyst(symbol, catalystScore, count == 0 ? 0 : sentimentSum / count, strongestType, count));
        }
        return new NewsResponse(request.cycleId(), catalysts, scored);
    }

    /** Same symbol and same normalised headline: the same story, whichever source carried it. */
    static String dedupKey(NewsItem item) {
        String normalised = item.symbol() + "|" + item.headline().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
