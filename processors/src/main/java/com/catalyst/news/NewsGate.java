package com.catalyst.news;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Admits a source's raw story into NewsItems, one per symbol, or drops it with a counted reason: no symbol, a symbol
 * outside the universe, a publication time in the future, or a missing headline or time. Nothing half-parsed passes.
 */
public final class NewsGate {

    /** Clocks of news sources and ours differ by a little; more than this ahead is a bad timestamp. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    private final Set<String> universe;
    private final Clock clock;
    private final NewsDrops drops;

    public NewsGate(Set<String> universe, Clock clock, NewsDrops drops) {
        this.universe = Set.copyOf(universe);
        this.clock = clock;
        this.drops = drops;
    }

    /** {@code $aapl}, {@code AAPL }, {@code aapl} → AAPL; anything that is not a ticker → null. */
    public static String symbol(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.startsWith("$")) {
            s = s.substring(1);
        }
        s = s.toUpperCase(Locale.ROOT);
        return TICKER.matcher(s).matches() ? s : null;
    }

    /** The items of one story, or none; every refusal is reported once per story (per symbol when unknown). */
    public List<NewsItem> admit(String id, Collection<String> rawSymbols, String headline, String summary, String source,
                                String url, Instant publishedAt) {
        return admit(id, rawSymbols, headline, summary, source, url, publishedAt, Map.of());
    }

    /**
     * As {@link #admit(String, Collection, String, String, String, String, Instant)}, each item carrying the source's own
     * sentiment for its symbol when {@code providerSentiment} has one (keys are raw tickers, read as {@link #symbol}).
     */
    public List<NewsItem> admit(String id, Collection<String> rawSymbols, String headline, String summary, String source,
                                String url, Instant publishedAt, Map<String, Double> providerSentiment) {
        if (headline == null || headline.isBlank() || publishedAt == null) {
            drops.dropped(NewsDrops.UNPARSEABLE);
            return List.of();
        }
        if (publishedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            drops.dropped(NewsDrops.FUTURE_TIMESTAMP);
            return List.of();
        }
        List<String> symbols = rawSymbols == null ? List.of()
                : rawSymbols.stream().map(NewsGate::symbol).filter(s -> s != null).distinct().toList();
        if (symbols.isEmpty()) {
            drops.dropped(NewsDrops.NO_SYMBOL);
            return List.of();
        }
        List<NewsItem> items = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            if (!universe.contains(symbol)) {
                drops.dropped(NewsDrops.UNKNOWN_SYMBOL);
                continue;
            }
            items.add(new NewsItem(id, symbol, headline.trim(), summary, source, url, publishedAt, sentimentOf(providerSentiment, symbol)));
        }
        return items;
    }

    private static Double sentimentOf(Map<String, Double> providerSentiment, String symbol) {
        for (Map.Entry<String, Double> e : providerSentiment.entrySet()) {
            if (symbol.equals(symbol(e.getKey())) && e.getValue() != null && Double.isFinite(e.getValue())) {
                return Math.max(-1.0, Math.min(1.0, e.getValue()));
            }
        }
        return null;
    }

    /** Reports a payload that could not be read at all. */
    public void unparseable() {
        drops.dropped(NewsDrops.UNPARSEABLE);
    }
}
