package com.catalyst.news;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A network source is asked for a symbol at most once a refresh, in one batch for the stale symbols. */
class RefreshingNewsPortTest {

    static final Instant T0 = Instant.parse("2026-03-10T14:00:00Z");
    static final Duration LOOKBACK = Duration.ofHours(24);

    /** Knows one story for AAA and one for BBB; remembers each batch asked for. */
    static final class Source implements NewsPort {
        final List<List<String>> calls = new ArrayList<>();
        final List<NewsItem> items = new ArrayList<>(List.of(
                new NewsItem("a", "AAA", "Aaa beats", null, "s", "u", T0.minusSeconds(600)),
                new NewsItem("b", "BBB", "Bbb misses", null, "s", "v", T0.minusSeconds(300))));

        @Override
        public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
            calls.add(List.copyOf(symbols));
            return NewsBySymbol.group(items, symbols, from, to);
        }
    }

    @Test
    void withinTheRefreshOnlyNewSymbolsAreFetchedAndInOneBatch() {
        Source source = new Source();
        NewsPort port = new RefreshingNewsPort(source, Duration.ofMinutes(1));

        assertThat(port.news(List.of("AAA"), T0.minus(LOOKBACK), T0).get("AAA")).hasSize(1);
        Instant later = T0.plusSeconds(5);
        Map<String, List<NewsItem>> second = port.news(List.of("AAA", "BBB", "CCC"), later.minus(LOOKBACK), later);

        assertThat(source.calls).containsExactly(List.of("AAA"), List.of("BBB", "CCC"));
        assertThat(second.get("AAA")).extracting(NewsItem::id).containsExactly("a");
        assertThat(second.get("BBB")).extracting(NewsItem::id).containsExactly("b");
        assertThat(second.get("CCC")).isEmpty();
    }

    @Test
    void afterTheRefreshASymbolIsAskedAgainAndSeesNewStories() {
        Source source = new Source();
        NewsPort port = new RefreshingNewsPort(source, Duration.ofMinutes(1));
        port.news(List.of("AAA"), T0.minus(LOOKBACK), T0);
        source.items.add(new NewsItem("a2", "AAA", "Aaa raises guidance", null, "s", "w", T0.plusSeconds(30)));

        Instant in30s = T0.plusSeconds(30);
        assertThat(port.news(List.of("AAA"), in30s.minus(LOOKBACK), in30s).get("AAA")).as("cached: the new story waits").hasSize(1);
        Instant in61s = T0.plusSeconds(61);
        assertThat(port.news(List.of("AAA"), in61s.minus(LOOKBACK), in61s).get("AAA")).extracting(NewsItem::id).containsExactly("a2", "a");
        assertThat(source.calls).hasSize(2);
    }

    @Test
    void aWindowThatStartsEarlierThanTheFetchedOneIsFetchedAnew() {
        Source source = new Source();
        NewsPort port = new RefreshingNewsPort(source, Duration.ofMinutes(1));
        port.news(List.of("AAA"), T0.minus(Duration.ofHours(1)), T0);
        port.news(List.of("AAA"), T0.minus(LOOKBACK), T0);
        assertThat(source.calls).hasSize(2);
    }

    @Test
    void aZeroRefreshAsksEveryTime() {
        Source source = new Source();
        NewsPort port = new RefreshingNewsPort(source, Duration.ZERO);
        port.news(List.of("AAA"), T0.minus(LOOKBACK), T0);
        port.news(List.of("AAA"), T0.minus(LOOKBACK), T0);
        assertThat(source.calls).hasSize(2);
    }
}
