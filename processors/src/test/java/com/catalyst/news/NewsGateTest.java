package com.catalyst.news;

import com.catalyst.adapters.replay.ReplayNewsFeed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Symbol mapping and the counted refusals of the news gate, and the replay file read through it. */
class NewsGateTest {

    static final Instant NOW = Instant.parse("2026-01-06T16:00:00Z");
    final Map<String, Integer> dropped = new TreeMap<>();
    final NewsGate gate = new NewsGate(Set.of("AAPL", "MSFT", "BRK.B"), Clock.fixed(NOW, ZoneOffset.UTC),
            reason -> dropped.merge(reason, 1, Integer::sum));

    @Test
    void cashtagsAndLowerCaseMapToTickers() {
        assertThat(NewsGate.symbol("$aapl")).isEqualTo("AAPL");
        assertThat(NewsGate.symbol(" msft ")).isEqualTo("MSFT");
        assertThat(NewsGate.symbol("brk.b")).isEqualTo("BRK.B");
        assertThat(NewsGate.symbol("$")).isNull();
        assertThat(NewsGate.symbol("12AB")).isNull();
    }

    @Test
    void aStoryOnTwoKnownSymbolsIsTwoItems() {
        List<NewsItem> items = gate.admit("1", List.of("$AAPL", "msft", "AAPL"), " Apple and Microsoft team up ", null, "x", null,
                NOW.minusSeconds(60));
        assertThat(items).extracting(NewsItem::symbol).containsExactly("AAPL", "MSFT");
        assertThat(items.get(0).headline()).isEqualTo("Apple and Microsoft team up");
        assertThat(dropped).isEmpty();
    }

    @Test
    void badItemsAreDroppedWithTheirReason() {
        assertThat(gate.admit("1", List.of(), "No ticker here", null, "x", null, NOW)).isEmpty();
        assertThat(gate.admit("2", List.of("ZZZZ"), "Unknown company soars", null, "x", null, NOW)).isEmpty();
        assertThat(gate.admit("3", List.of("AAPL"), "From tomorrow", null, "x", null, NOW.plusSeconds(3600))).isEmpty();
        assertThat(gate.admit("4", List.of("AAPL"), " ", null, "x", null, NOW)).isEmpty();
        assertThat(gate.admit("5", List.of("AAPL"), "No time", null, "x", null, null)).isEmpty();
        assertThat(dropped).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "future_timestamp", 1, "no_symbol", 1, "unknown_symbol", 1, "unparseable", 2)));
    }

    @Test
    void theReplayFileServesItsStoriesNewestFirstAndCountsItsBadLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("news.csv");
        Files.writeString(file, String.join("\n",
                "published_at,symbols,source,headline",
                "2026-01-06T14:30:00Z,$AAPL,replay,Apple beats on EPS, raises dividend",
                "2026-01-06T15:00:00Z,AAPL MSFT,replay,Apple and Microsoft sign cloud deal",
                "not-a-time,AAPL,replay,Broken line",
                "2026-01-06T15:10:00Z,,replay,Market wrap without a ticker",
                "2026-01-07T15:00:00Z,MSFT,replay,Tomorrow's news",
                "") + "\n");
        ReplayNewsFeed feed = new ReplayNewsFeed(file, gate);
        List<NewsItem> apple = feed.news("AAPL", NOW.minusSeconds(86_400), NOW);
        assertThat(apple).extracting(NewsItem::headline)
                .containsExactly("Apple and Microsoft sign cloud deal", "Apple beats on EPS, raises dividend");
        assertThat(feed.news("MSFT", NOW.minusSeconds(86_400), NOW)).hasSize(1);
        assertThat(feed.news("AAPL", NOW.minusSeconds(86_400), Instant.parse("2026-01-06T14:45:00Z"))).hasSize(1);
        assertThat(dropped).containsEntry("unparseable", 1).containsEntry("no_symbol", 1).containsEntry("future_timestamp", 1);
    }

    @Test
    void theShippedSampleLoads() {
        Path sample = Path.of("data/news-replay/headlines.csv");
        assertThat(sample).exists();
        NewsGate open = new NewsGate(Set.of("AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "META", "GOOGL", "AMD", "JPM", "XOM"),
                Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC), reason -> dropped.merge(reason, 1, Integer::sum));
        ReplayNewsFeed feed = new ReplayNewsFeed(sample, open);
        assertThat(feed.size()).isGreaterThanOrEqualTo(100);
        assertThat(dropped).as("the sample has no bad line").isEmpty();
    }
}
