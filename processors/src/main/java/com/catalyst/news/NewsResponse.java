package com.catalyst.news;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-symbol catalysts and the scored items behind them. */
public record NewsResponse(String cycleId, List<SymbolCatalyst> catalysts, List<ScoredNews> items) {

    /** One row an item for the {@code news_sentiment} batch insert. */
    public List<Map<String, Object>> sqlRows() {
        return items.stream().map(n -> {
            Map<String, Object> row = new HashMap<>();
            row.put("cycle_id", cycleId);
            row.put("symbol", n.symbol());
            row.put("published_at", Timestamp.from(n.publishedAt()));
            row.put("headline", n.headline());
            row.put("summary", n.summary());
            row.put("url", n.url());
            row.put("source", n.source());
            row.put("sentiment_score", n.sentimentScore());
            row.put("sentiment_label", n.sentimentLabel());
            row.put("catalyst_type", n.catalystType());
            row.put("catalyst_strength", n.catalystStrength());
            row.put("dedup_key", n.dedupKey());
            return row;
        }).toList();
    }
}
