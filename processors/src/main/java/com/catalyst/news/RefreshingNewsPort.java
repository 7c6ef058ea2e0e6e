package com.catalyst.news;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the source only for the symbols whose news it fetched longer than {@code refresh} ago (in the time of the
 * requests, not the wall clock), in one batch call, and answers the rest from what it fetched then. A cycle every few
 * seconds then costs a network source a request per refresh, not per cycle: what a free plan's daily allowance needs.
 * A story published since a symbol's last fetch shows at its next refresh.
 */
public final class RefreshingNewsPort implements NewsPort {

    private record Fetched(Instant from, Instant to, List<NewsItem> items) {
    }

    private final NewsPort source;
    private final Duration refresh;
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();

    public RefreshingNewsPort(NewsPort source, Duration refresh) {
        this.source = source;
        this.refresh = refresh;
    }

    @Override
    public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
        Set<String> stale = new LinkedHashSet<>();
        for (String symbol : symbols) {
            Fetched f = fetched.get(symbol);
            if (f == null || !covers(f, from, to)) {
                stale.add(symbol);
            }
        }
        if (!stale.isEmpty()) {
            Map<String, List<NewsItem>> fresh = source.news(stale, from, to);
            for (String symbol : stale) {
                fetched.put(symbol, new Fetched(from, to, List.copyOf(fresh.getOrDefault(symbol, List.of()))));
            }
            // a symbol not asked for within a refresh will be fetched anew anyway: its entry is dead weight
            fetched.values().removeIf(f -> f.to().plus(refresh).isBefore(to));
        }
        List<NewsItem> items = new ArrayList<>();
        symbols.forEach(s -> items.addAll(fetched.getOrDefault(s, new Fetched(from, to, List.of())).items()));
        return NewsBySymbol.group(items, symbols, from, to);
    }

    /** Fetched no longer than refresh before {@code to}, from a start at or before {@code from}. */
    private boolean covers(Fetched f, Instant from, Instant to) {
        return !to.isBefore(f.to()) && to.isBefore(f.to().plus(refresh)) && !from.isBefore(f.from());
    }
}
