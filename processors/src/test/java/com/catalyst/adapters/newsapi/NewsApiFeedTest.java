package com.catalyst.adapters.newsapi;

import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsSourceClient;
import com.catalyst.news.NewsSourceException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The NewsAPI adapter against a local WireMock stub serving the answer and error shapes of REFERENCE.md "News APIs". */
class NewsApiFeedTest {

    static final Instant NOW = Instant.parse("2026-01-06T16:00:00Z");
    static final String KEY = "newsapi-key-0123456789abcdef";
    static final List<String> TWENTY_FIVE = IntStream.range(0, 25).mapToObj(i -> "N%02d".formatted(i)).toList();

    WireMockServer newsapi;
    final Map<String, Integer> dropped = new TreeMap<>();
    NewsGate gate;

    @BeforeEach
    void start() {
        newsapi = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        newsapi.start();
        Set<String> universe = new HashSet<>(TWENTY_FIVE);
        universe.addAll(List.of("AAPL", "MSFT", "ALL"));
        gate = new NewsGate(universe, Clock.fixed(NOW, ZoneOffset.UTC), r -> dropped.merge(r, 1, Integer::sum));
    }

    @AfterEach
    void stop() {
        newsapi.stop();
    }

    NewsApiFeed feed(int requestsPerDay) {
        return new NewsApiFeed(KEY, new NewsApiFeed.Settings(URI.create(newsapi.baseUrl()), 20, 100, "en"),
                new NewsSourceClient.Settings(Duration.ofSeconds(5), requestsPerDay, 2, Duration.ofMillis(5), Duration.ofHours(1)),
                gate, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String article(String title, String description, String publishedAt, String url) {
        return """
                {"source": {"id": null, "name": "Reuters"}, "author": "A. Writer", "title": "%s", "description": "%s",
                 "url": "%s", "urlToImage": null, "publishedAt": "%s", "content": "…"}
                """.formatted(title, description, url, publishedAt);
    }

    static String ok(String... articles) {
        return "{\"status\": \"ok\", \"totalResults\": " + articles.length + ", \"articles\": [" + String.join(",", articles) + "]}";
    }

    @Test
    void asksOneQueryAChunkWithTheKeyInTheHeaderAndMapsStoriesToTheTickersTheyName() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(okJson(ok(
                article("Apple (NASDAQ: AAPL) and $MSFT beat estimates", "Both report record revenue", "2026-01-06T15:00:00Z", "https://x/1"),
                article("Microsoft upgrades its cloud", "MSFT shares rise", "2026-01-06T15:10:00Z", "https://x/2"),
                article("Stocks rally as all sectors gain", "A broad advance", "2026-01-06T15:20:00Z", "https://x/3")))));

        Map<String, List<NewsItem>> news = feed(100).news(List.of("AAPL", "MSFT", "ALL"), NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(news.get("AAPL")).extracting(NewsItem::url).containsExactly("https://x/1");
        assertThat(news.get("MSFT")).extracting(NewsItem::url).containsExactly("https://x/2", "https://x/1");
        assertThat(news.get("ALL")).as("'all' in lower case is a word, not the ticker ALL").isEmpty();
        assertThat(news.get("AAPL").get(0)).satisfies(i -> {
            assertThat(i.source()).isEqualTo("Reuters");
            assertThat(i.summary()).isEqualTo("Both report record revenue");
            assertThat(i.publishedAt()).isEqualTo(Instant.parse("2026-01-06T15:00:00Z"));
        });
        assertThat(dropped).containsExactlyEntriesOf(Map.of("no_symbol", 1));
        newsapi.verify(1, getRequestedFor(urlPathEqualTo("/v2/everything"))
                .withHeader("X-Api-Key", equalTo(KEY))
                .withQueryParam("q", equalTo("\"AAPL\" OR \"MSFT\" OR \"ALL\""))
                .withQueryParam("searchIn", equalTo("title,description"))
                .withQueryParam("from", equalTo("2026-01-05T16:00:00Z"))
                .withQueryParam("sortBy", equalTo("publishedAt"))
                .withQueryParam("pageSize", equalTo("100")));
        assertThat(newsapi.findAll(getRequestedFor(urlPathEqualTo("/v2/everything")))).allSatisfy(r -> assertThat(r.getUrl()).doesNotContain(KEY));
    }

    @Test
    void twentyFiveCandidatesAreTwoQueries() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(okJson(ok(
                article("N03 and N21 agree merger", "", "2026-01-06T15:00:00Z", "https://x/9")))));
        Map<String, List<NewsItem>> news = feed(100).news(TWENTY_FIVE, NOW.minusSeconds(7200), NOW);
        newsapi.verify(2, getRequestedFor(urlPathEqualTo("/v2/everything")));
        newsapi.verify(1, getRequestedFor(urlPathEqualTo("/v2/everything")).withQueryParam("q", containing("\"N19\"")));
        // each query attributes the story only to its own chunk's tickers: N03 from the first, N21 from the second
        assertThat(news.get("N03")).hasSize(1);
        assertThat(news.get("N21")).hasSize(1);
    }

    @Test
    void anInvalidKeyNamesTheVariableAndNeverTheKey() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(aResponse().withStatus(401).withBody(
                "{\"status\":\"error\",\"code\":\"apiKeyInvalid\",\"message\":\"Your API key is invalid or incorrect: " + KEY + "\"}")));
        assertThatThrownBy(() -> feed(100).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW))
                .isInstanceOf(NewsSourceException.class)
                .hasMessageContaining("apiKeyInvalid").hasMessageContaining("NEWS_API_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void rateLimitedRestsTheSourceForItsCoolDownInsteadOfRetrying() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(aResponse().withStatus(429).withBody(
                "{\"status\":\"error\",\"code\":\"rateLimited\",\"message\":\"You have made too many requests recently.\"}")));
        NewsApiFeed feed = feed(100);
        assertThatThrownBy(() -> feed.news(List.of("AAPL"), NOW.minusSeconds(3600), NOW))
                .hasMessageContaining("rateLimited").hasMessageContaining("no request before 2026-01-06T17:00:00Z");
        assertThatThrownBy(() -> feed.news(List.of("AAPL"), NOW.minusSeconds(3600), NOW)).hasMessageContaining("back off");
        newsapi.verify(1, getRequestedFor(urlPathEqualTo("/v2/everything")));
    }

    @Test
    void a5xxIsRetriedThenServed() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(okJson(ok(article("AAPL beats", "", "2026-01-06T15:00:00Z", "https://x/1")))));
        assertThat(feed(100).news(List.of("AAPL"), NOW.minusSeconds(7200), NOW).get("AAPL")).hasSize(1);
        newsapi.verify(2, getRequestedFor(urlPathEqualTo("/v2/everything")));
    }

    @Test
    void theClientSideDailyAllowanceRefusesBeforeSending() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(okJson(ok())));
        NewsApiFeed feed = feed(1);
        feed.news(List.of("AAPL"), NOW.minusSeconds(3600), NOW);
        assertThatThrownBy(() -> feed.news(List.of("AAPL"), NOW.minusSeconds(3600), NOW))
                .hasMessageContaining("catalyst.news.newsapi.requests-per-day");
        newsapi.verify(1, getRequestedFor(urlPathEqualTo("/v2/everything")));
    }

    @Test
    void anUnreadableAnswerIsCountedAsUnparseable() {
        newsapi.stubFor(get(urlPathEqualTo("/v2/everything")).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertThat(feed(100).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW).get("AAPL")).isEmpty();
        assertThat(dropped).containsExactlyEntriesOf(Map.of("unparseable", 1));
    }

    @Test
    void theKeyIsRequiredByName() {
        assertThatThrownBy(() -> new NewsApiFeed(" ", new NewsApiFeed.Settings(URI.create("http://127.0.0.1:1"), 20, 100, "en"),
                new NewsSourceClient.Settings(Duration.ofSeconds(1), 1, 1, Duration.ofMillis(5), Duration.ofMinutes(1)), gate, Clock.systemUTC()))
                .hasMessageContaining("NEWS_API_KEY");
    }

    @Test
    void aTickerCountsOnlyAsACapitalisedWord() {
        assertThat(NewsApiFeed.named(List.of("AAPL", "ON", "A", "BRK.B"), "ON Semi and Agilent (A) rise; BRK.B flat", "AAPLX is a fund"))
                .containsExactly("ON", "A", "BRK.B");
        assertThat(NewsApiFeed.named(List.of("ON"), "Shares move on news", null)).isEmpty();
    }
}
