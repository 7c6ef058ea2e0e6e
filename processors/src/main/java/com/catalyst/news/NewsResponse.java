package com.catalyst.news;

import java.util.List;

/** Per-symbol catalysts and the scored items behind them (stored in {@code news_sentiment} by NewsRepository). */
public record NewsResponse(String cycleId, List<SymbolCatalyst> catalysts, List<ScoredNews> items) {
}
