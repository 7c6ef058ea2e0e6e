package com.catalyst.adapters.alpaca;

import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Alpaca news adapter, batched, through AlpacaRest, against a local WireMock stub serving REFERENCE.md 4.9's payload. */
class AlpacaNewsFeedTest {

    static final Instant NOW = Instant.parse("2026-01-06T16:00:00Z");
    static final String KEY = "PKTESTKEYID";
    static final String SECRET = "s3cr3t-never-shown";
    static final List<String> HUNDRED = IntStream.range(0, 100).mapToObj(i -> "S%03d".formatted(i)).toList();

    WireMockServer alpaca;
    final Map<String, Integer> dropped = new TreeMap<>();
    AlpacaRest rest;
    AlpacaNewsFeed feed;

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        rest = new AlpacaRest(KEY, SECRET, Duration.ofSeconds(2), Duration.ofSeconds(5),
                new AlpacaRest.Retries(3, Duration.ofMillis(5), 2.0, 0.5, Duration.ofMillis(20), Duration.ofSeconds(1)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), wait -> { });
        Set<String> universe = new java.util.HashSet<>(HUNDRED);
        universe.addAll(List.of("AAPL", "TSLA"));
        NewsGate gate = new NewsGate(universe, Clock.fixed(NOW, ZoneOffset.UTC), r -> dropped.merge(r, 1, Integer::sum));
        feed = new AlpacaNewsFeed(rest, URI.create(alpaca.baseUrl()), gate, 50, 10);
    }

    @AfterEach
    void stop() {
        alpaca.stop();
    }

    static String story(long id, String headline, String createdAt, String symbols) {
        return """
                {"id": %d, "headline": "%s", "author": "Benzinga Newsdesk", "created_at": "%s", "updated_at": "%s",
                 "summary": "Summary of %d", "content": "<p>Body</p>",
                 "images": [{"size": "thumb", "url": "https://example.invalid/%d.jpg"}],
                 "symbols": [%s], "source": "benzinga", "url": "https://example.invalid/news/%d"}
                """.formatted(id, headline, createdAt, createdAt, id, id, symbols, id);
    }

    static String page(String nextToken, String... stories) {
        return "{\"news\": [" + String.join(",", stories) + "], \"next_page_token\": " + (nextToken == null ? "null" : "\"" + nextToken + "\"") + "}";
    }

    @Test
    void followsThePagesWithTheKeyHeadersAndKeepsOnlyGoodStories() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", absent())
                .willReturn(okJson(page("PAGE2",
                        story(1, "Apple beats on EPS", "2026-01-06T15:00:00Z", "\"$aapl\", \"ZZZZ\""),
                        story(2, "Apple from the future", "2026-01-07T15:00:00Z", "\"AAPL\""),
                        story(3, "Market wrap", "2026-01-06T14:00:00Z", "")))));
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", equalTo("PAGE2"))
                .willReturn(okJson(page(null, story(4, "FDA clears Apple Watch feature", "2026-01-06T15:30:00Z", "\"AAPL\"")))));

        Map<String, List<NewsItem>> news = feed.news(List.of("AAPL", "TSLA"), NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(news.get("AAPL")).extracting(NewsItem::headline).containsExactly("FDA clears Apple Watch feature", "Apple beats on EPS");
        assertThat(news.get("TSLA")).isEmpty();
        assertThat(news.get("AAPL").get(1)).satisfies(i -> {
            assertThat(i.id()).isEqualTo("alpaca-1");
            assertThat(i.summary()).isEqualTo("Summary of 1");
            assertThat(i.source()).isEqualTo("benzinga");
            assertThat(i.url()).isEqualTo("https://example.invalid/news/1");
            assertThat(i.providerSentiment()).isNull();
        });
        assertThat(dropped).containsExactlyEntriesOf(new TreeMap<>(Map.of("future_timestamp", 1, "no_symbol", 1, "unknown_symbol", 1)));
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v1beta1/news"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                .withQueryParam("symbols", equalTo("AAPL,TSLA"))
                .withQueryParam("limit", equalTo("50"))
                .withQueryParam("sort", equalTo("desc"))
                .withQueryParam("start", equalTo("2026-01-05T16:00:00Z"))
                .withQueryParam("end", equalTo("2026-01-06T16:00:00Z")));
    }

    @Test
    void aHundredCandidatesCostTwoChunksTimesTheirPagesNotAHundredRequests() {
        // every chunk has two pages; a story on page 1 names two candidates of the first chunk and one of the second
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", absent())
                .willReturn(okJson(page("P2", story(7, "S001 and S002 sign merger", "2026-01-06T15:00:00Z", "\"S001\", \"S002\", \"S077\"")))));
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", equalTo("P2"))
                .willReturn(okJson(page(null, story(8, "S099 wins contract", "2026-01-06T15:10:00Z", "\"S099\"")))));

        Map<String, List<NewsItem>> news = feed.news(HUNDRED, NOW.minus(Duration.ofHours(24)), NOW);

        int requests = alpaca.findAll(getRequestedFor(urlPathEqualTo("/v1beta1/news"))).size();
        System.out.printf("Alpaca news requests for %d candidates with 2 pages each: %d batched (chunks of 50), %d one symbol a request%n",
                HUNDRED.size(), requests, HUNDRED.size() * 2);
        assertThat(requests).isEqualTo(2 * 2);
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v1beta1/news")).withQueryParam("symbols", equalTo(String.join(",", HUNDRED.subList(0, 50)))));
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v1beta1/news")).withQueryParam("symbols", equalTo(String.join(",", HUNDRED.subList(50, 100)))));
        assertThat(news).hasSize(100);
        // both chunks served the story naming S001, S002 and S077: each candidate has it once
        assertThat(news.get("S001")).extracting(NewsItem::id).containsExactly("alpaca-7");
        assertThat(news.get("S002")).extracting(NewsItem::id).containsExactly("alpaca-7");
        assertThat(news.get("S077")).extracting(NewsItem::id).containsExactly("alpaca-7");
        assertThat(news.get("S099")).extracting(NewsItem::id).containsExactly("alpaca-8");
        assertThat(news.get("S050")).isEmpty();
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterThenServed() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("{\"message\":\"too many requests\"}"))
                .willSetStateTo("served"));
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).inScenario("limit").whenScenarioStateIs("served")
                .willReturn(okJson(page(null, story(1, "Apple beats on EPS", "2026-01-06T15:00:00Z", "\"AAPL\"")))));

        assertThat(feed.news(List.of("AAPL"), NOW.minusSeconds(7200), NOW).get("AAPL")).hasSize(1);
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v1beta1/news")));
    }

    @Test
    void a5xxIsRetriedThenServed() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(okJson(page(null, story(1, "Apple beats on EPS", "2026-01-06T15:00:00Z", "\"AAPL\"")))));

        assertThat(feed.news(List.of("AAPL"), NOW.minusSeconds(7200), NOW).get("AAPL")).hasSize(1);
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v1beta1/news")));
    }

    @Test
    void a401NamesTheKeySettingsWithoutShowingTheKeys() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"forbidden\"}")));
        assertThatThrownBy(() -> feed.news(List.of("AAPL"), NOW.minusSeconds(3600), NOW))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("ALPACA_API_KEY").hasMessageContaining("ALPACA_SECRET_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, KEY));
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v1beta1/news")));
    }

    @Test
    void anUnreadablePageIsCountedAndTheOtherChunksAreStillServed() {
        List<String> candidates = new ArrayList<>(HUNDRED.subList(0, 50));
        candidates.add("AAPL");
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("symbols", containing("S000"))
                .willReturn(aResponse().withStatus(200).withBody("{\"news\": [ {\"id\": 1,")));
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("symbols", equalTo("AAPL"))
                .willReturn(okJson(page(null, story(2, "Apple beats on EPS", "2026-01-06T15:00:00Z", "\"AAPL\"")))));

        Map<String, List<NewsItem>> news = feed.news(candidates, NOW.minusSeconds(7200), NOW);

        assertThat(news.get("AAPL")).extracting(NewsItem::id).containsExactly("alpaca-2");
        assertThat(dropped).containsExactlyEntriesOf(Map.of("unparseable", 1));
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v1beta1/news")).withQueryParam("symbols", containing("S000")));
    }

    @Test
    void aStoryWithoutHeadlineOrTimeIsUnparseable() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson("{\"news\": [{\"id\": 9, \"symbols\": [\"AAPL\"]}]}")));
        assertThat(feed.news(List.of("AAPL"), NOW.minusSeconds(3600), NOW).get("AAPL")).isEmpty();
        assertThat(dropped).containsExactlyEntriesOf(Map.of("unparseable", 1));
    }

    @Test
    void keysAreRequired() {
        AlpacaRest keyless = new AlpacaRest("", "x", Duration.ofSeconds(1), Duration.ofSeconds(1),
                new AlpacaRest.Retries(1, Duration.ofMillis(5), 2.0, 0.5, Duration.ofMillis(20), Duration.ofSeconds(1)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), wait -> { });
        assertThatThrownBy(() -> new AlpacaNewsFeed(keyless, URI.create("http://127.0.0.1:1"), null, 50, 10))
                .hasMessageContaining("ALPACA_API_KEY").hasMessageContaining("ALPACA_SECRET_KEY");
    }
}
