package com.catalyst.news;

/**
 * What the news says about one symbol: catalyst score 0–100 (average sentiment of its bullish items, the earlier
 * implementation's rule), the mean sentiment of all its items, the strongest catalyst class, and the item count.
 */
public record SymbolCatalyst(String symbol, double catalystScore, double averageSentiment, String catalystType, int items) {
}
