package com.catalyst.news;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sorts the items of a batch into the port's answer: the asked symbols only, inside the window, newest first, and a
 * story once a symbol (a story naming candidates of two chunks comes back with each chunk).
 */
public final class NewsBySymbol {

    private NewsBySymbol() {
    }

    public static Map<String, List<NewsItem>> group(Collection<NewsItem> items, Collection<String> symbols, Instant from, Instant to) {
        Set<String> wanted = new HashSet<>(symbols);
        Set<String> seen = new HashSet<>();
        Map<String, List<NewsItem>> grouped = items.stream()
                .filter(i -> wanted.contains(i.symbol()))
                .filter(i -> i.id() == null || seen.add(i.symbol() + "|" + i.id()))
                .filter(i -> !i.publishedAt().isBefore(from) && !i.publishedAt().isAfter(to))
                .sorted(Comparator.comparing(NewsItem::publishedAt).reversed())
                .collect(Collectors.groupingBy(NewsItem::symbol, LinkedHashMap::new, Collectors.toList()));
        // each asked symbol is a key, so that "no news" and "not asked" look different to a reader of the map
        symbols.forEach(s -> grouped.putIfAbsent(s, List.of()));
        return grouped;
    }
}
