package com.catalyst.adapters.replay;

import com.catalyst.news.NewsBySymbol;
import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Replays headlines from a file (format in data/README.md): a header line, then one story a line,
 * {@code published_at,symbols,source,headline} with an ISO-8601 instant, symbols separated by spaces (cashtags
 * allowed), and the headline last so it may contain commas. Lines the gate refuses are dropped and counted.
 */
public final class ReplayNewsFeed implements NewsPort {

    private final List<NewsItem> items;

    public ReplayNewsFeed(Path file, NewsGate gate) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the news replay file " + file + ": " + e.getMessage(), e);
        }
        List<NewsItem> loaded = new ArrayList<>();
        // line 1 is the header; the line number makes a stable id for the story
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", 4);
            Instant published = fields.length == 4 ? instant(fields[0]) : null;
            if (published == null) {
                gate.unparseable();
                continue;
            }
            loaded.addAll(gate.admit("replay-" + n, Arrays.asList(fields[1].trim().split("\\s+")), fields[3], null,
                    fields[2].trim(), null, published));
        }
        loaded.sort(Comparator.comparing(NewsItem::publishedAt).reversed());
        this.items = List.copyOf(loaded);
    }

    @Override
    public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
        return NewsBySymbol.group(items, symbols, from, to);
    }

    public int size() {
        return items.size();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
