package com.catalyst.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NewsAnalyzerTest {

    private static final Instant AS_OF = Instant.parse("2026-03-10T14:00:00Z");

    /** Serves the items it holds whose time lies in [from, to], newest first, and remembers each batch asked for. */
    static final class FakeNews implements NewsPort {
        final List<NewsItem> items = new ArrayList<>();
        final List<List<String>> calls = new ArrayList<>();
        Instant askedFrom;
        Instant askedTo;

        FakeNews add(String symbol, String headline, String source, Instant at) {
            items.add(new NewsItem(symbol + "-" + items.size(), symbol, headline, null, source, "https://x/" + items.size(), at));
            return this;
        }

        @Override
        public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
            calls.add(List.copyOf(symbols));
            askedFrom = from;
            askedTo = to;
            return NewsBySymbol.group(items, symbols, from, to);
        }
    }

    private static NewsAnalyzer analyzer(NewsPort port, Duration lookback) {
        return new NewsAnalyzer(port, new SentimentScorer(), new CatalystClassifier(), lookback);
    }

    private static SymbolCatalyst only(NewsResponse response, String symbol) {
        return response.catalysts().stream().filter(c -> c.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    @Test
    void catalystScoreIsTheAverageSentimentOfTheBullishItemsTimesOneHundred() {
        FakeNews port = new FakeNews()
                .add("ACME", "Acme beats estimates", "a", AS_OF.minusSeconds(600))                    // 1/2
                .add("ACME", "Acme beats estimates and raises outlook", "a", AS_OF.minusSeconds(500)) // 2/3
                .add("ACME", "Acme misses on margins", "a", AS_OF.minusSeconds(400))                  // -1/2
                .add("ACME", "Acme to present at conference", "a", AS_OF.minusSeconds(300));          // 0
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("ACME")));

        SymbolCatalyst acme = only(response, "ACME");
        assertThat(acme.items()).isEqualTo(4);
        assertThat(acme.catalystScore()).isCloseTo((0.5 + 2.0 / 3) / 2 * 100, within(1e-9));
        assertThat(acme.averageSentiment()).isCloseTo((0.5 + 2.0 / 3 - 0.5 + 0) / 4, within(1e-9));
    }

    @Test
    void withoutBullishItemsTheCatalystScoreIsZero() {
        FakeNews port = new FakeNews()
                .add("ACME", "Acme misses on margins", "a", AS_OF.minusSeconds(600))
                .add("ACME", "Acme shares flat", "a", AS_OF.minusSeconds(500));
        SymbolCatalyst acme = only(analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("ACME"))), "ACME");
        assertThat(acme.catalystScore()).isZero();
        assertThat(acme.averageSentiment()).isCloseTo(-0.25, within(1e-9));
    }

    @Test
    void aSymbolWithoutNewsHasAnEmptyCatalyst() {
        NewsResponse response = analyzer(new FakeNews(), Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("NONE")));
        SymbolCatalyst none = only(response, "NONE");
        assertThat(none.items()).isZero();
        assertThat(none.catalystScore()).isZero();
        assertThat(none.averageSentiment()).isZero();
        assertThat(none.catalystType()).isNull();
        assertThat(response.items()).isEmpty();
    }

    @Test
    void theSameStoryFromTwoSourcesCountsOnce() {
        FakeNews port = new FakeNews()
                .add("ACME", "Acme beats estimates", "wire-a", AS_OF.minusSeconds(600))
                .add("ACME", "ACME beats estimates!", "wire-b", AS_OF.minusSeconds(590))
                .add("ACME", "Acme misses on margins", "wire-b", AS_OF.minusSeconds(500));
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("ACME")));
        assertThat(response.items()).hasSize(2);
        assertThat(only(response, "ACME").items()).isEqualTo(2);
        assertThat(response.items()).extracting(ScoredNews::dedupKey).doesNotHaveDuplicates();
    }

    @Test
    void theSameHeadlineAboutTwoSymbolsCountsForEach() {
        FakeNews port = new FakeNews()
                .add("AAA", "Merger talks lift shares", "a", AS_OF.minusSeconds(600))
                .add("BBB", "Merger talks lift shares", "a", AS_OF.minusSeconds(600));
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("AAA", "BBB")));
        assertThat(only(response, "AAA").items()).isEqualTo(1);
        assertThat(only(response, "BBB").items()).isEqualTo(1);
        assertThat(NewsAnalyzer.dedupKey(port.items.get(0))).isNotEqualTo(NewsAnalyzer.dedupKey(port.items.get(1)));
    }

    @Test
    void readsOnlyTheLookbackWindowBeforeAsOf() {
        FakeNews port = new FakeNews()
                .add("ACME", "Acme beats estimates", "a", AS_OF.minus(Duration.ofHours(3)))
                .add("ACME", "Acme wins contract", "a", AS_OF.minus(Duration.ofMinutes(30)))
                .add("ACME", "Acme upgraded", "a", AS_OF.plusSeconds(60));
        NewsResponse response = analyzer(port, Duration.ofHours(2)).analyze(new NewsRequest("c", AS_OF, List.of("ACME")));
        assertThat(port.askedFrom).isEqualTo(AS_OF.minus(Duration.ofHours(2)));
        assertThat(port.askedTo).isEqualTo(AS_OF);
        assertThat(response.items()).extracting(ScoredNews::headline).containsExactly("Acme wins contract");
    }

    @Test
    void theCatalystTypeIsTheClassOfTheStrongestClassifiedItem() {
        FakeNews port = new FakeNews()
                .add("ACME", "Acme upgraded to buy", "a", AS_OF.minusSeconds(600))                           // analyst, 2/3
                .add("ACME", "Acme faces lawsuit, probe and recall", "a", AS_OF.minusSeconds(500))           // legal, -3/4
                .add("ACME", "Acme shares surge, record high, strong demand", "a", AS_OF.minusSeconds(400)); // unclassified, 3/4
        SymbolCatalyst acme = only(analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("ACME"))), "ACME");
        assertThat(acme.catalystType()).isEqualTo("legal");
    }

    @Test
    void scoredItemsCarryLabelClassStrengthAndWhatTheRecordStores() {
        FakeNews port = new FakeNews().add("ACME", "Acme receives FDA approval", "wire", AS_OF.minusSeconds(60));
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("cyc", AS_OF, List.of("ACME")));
        ScoredNews item = response.items().get(0);
        assertThat(item.sentimentScore()).isEqualTo(0.5);
        assertThat(item.sentimentLabel()).isEqualTo("very_positive");
        assertThat(item.catalystType()).isEqualTo("fda");
        assertThat(item.catalystStrength()).isEqualTo("strong");
        assertThat(item.dedupKey()).hasSize(32).matches("[0-9a-f]+");
        assertThat(item.symbol()).isEqualTo("ACME");
        assertThat(item.source()).isEqualTo("wire");
        assertThat(item.publishedAt()).isEqualTo(AS_OF.minusSeconds(60));
        assertThat(response.cycleId()).isEqualTo("cyc");
    }

    @Test
    void theSummaryCountsTowardsTheSentiment() {
        FakeNews port = new FakeNews();
        port.items.add(new NewsItem("1", "ACME", "Acme update", "Revenue beat, margins strong", "a", "u", AS_OF.minusSeconds(60)));
        SymbolCatalyst acme = only(analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("ACME"))), "ACME");
        assertThat(acme.averageSentiment()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(acme.catalystScore()).isCloseTo(200.0 / 3, within(1e-9));
    }

    @Test
    void everyCandidateIsAskedForInOneBatch() {
        FakeNews port = new FakeNews()
                .add("AAA", "Aaa beats estimates", "a", AS_OF.minusSeconds(600))
                .add("CCC", "Ccc misses on margins", "a", AS_OF.minusSeconds(500));
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("AAA", "BBB", "CCC")));
        assertThat(port.calls).containsExactly(List.of("AAA", "BBB", "CCC"));
        assertThat(response.catalysts()).extracting(SymbolCatalyst::symbol).containsExactly("AAA", "BBB", "CCC");
        assertThat(response.catalysts()).extracting(SymbolCatalyst::items).containsExactly(1, 0, 1);
    }

    @Test
    void theSameStoryDeliveredTwiceForOneSymbolCountsOnceAndOnceForEachSymbolItNames() {
        FakeNews port = new FakeNews();
        Instant at = AS_OF.minusSeconds(600);
        // one story naming AAA and BBB, as a batched source delivers it: an item for each, and AAA's twice (two chunks)
        port.items.add(new NewsItem("s1", "AAA", "Aaa and Bbb agree merger", null, "a", "u", at));
        port.items.add(new NewsItem("s1", "BBB", "Aaa and Bbb agree merger", null, "a", "u", at));
        port.items.add(new NewsItem("s1", "AAA", "Aaa and Bbb agree merger", null, "a", "u", at));
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("AAA", "BBB")));
        assertThat(only(response, "AAA").items()).isEqualTo(1);
        assertThat(only(response, "BBB").items()).isEqualTo(1);
        assertThat(response.items()).hasSize(2);
    }

    @Test
    void aProvidersOwnScoreReplacesTheWordListScore() {
        FakeNews port = new FakeNews();
        // the words say nothing (0 on the word list); the provider scores the story 0.42 for ACME
        port.items.add(new NewsItem("1", "ACME", "Acme to present at conference", null, "av", "u", AS_OF.minusSeconds(60), 0.42));
        port.items.add(new NewsItem("2", "ACME", "Acme beats estimates", null, "av", "v", AS_OF.minusSeconds(50), -0.2));
        NewsResponse response = analyzer(port, Duration.ofHours(24)).analyze(new NewsRequest("c", AS_OF, List.of("ACME")));
        SymbolCatalyst acme = only(response, "ACME");
        assertThat(acme.averageSentiment()).isCloseTo((0.42 - 0.2) / 2, within(1e-9));
        assertThat(acme.catalystScore()).isCloseTo(42.0, within(1e-9));
        assertThat(response.items()).extracting(ScoredNews::sentimentLabel).containsExactlyInAnyOrder("positive", "negative");
    }
}
