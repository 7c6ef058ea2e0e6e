package com.catalyst.adapters.alpaca;

import com.catalyst.news.NewsItem;

import com.catalyst.news.NewsGate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Alpaca news adapter against a local WireMock stub serving the payload shape of REFERENCE.md 4.9. */
class AlpacaNewsFeedTest {

    static final Instant NOW = Instant.parse("2026-01-06T16:00:00Z");
    static final String KEY = "PKTESTKEYID";
    static final String SECRET = "s3cr3t-never-shown";

    WireMockServer alpaca;
    final Map<String, Integer> dropped = new TreeMap<>();
    AlpacaNewsFeed feed;

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        NewsGate gate = new NewsGate(Set.of("AAPL", "TSLA"), Clock.fixed(NOW, ZoneOffset.UTC), r -> dropped.merge(r, 1, Integer::sum));
        feed = new AlpacaNewsFeed(URI.create(alpaca.baseUrl()), KEY, SECRET, gate, Duration.ofSeconds(5));
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

    @Test
    void followsThePagesWithTheKeyHeadersAndKeepsOnlyGoodStories() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", absent())
                .willReturn(okJson("{\"news\": [" + String.join(",",
                        story(1, "Apple beats on EPS", "2026-01-06T15:00:00Z", "\"$aapl\", \"ZZZZ\""),
                        story(2, "Apple from the future", "2026-01-07T15:00:00Z", "\"AAPL\""),
                        story(3, "Market wrap", "2026-01-06T14:00:00Z", "")) + "], \"next_page_token\": \"PAGE2\"}")));
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", equalTo("PAGE2"))
                .willReturn(okJson("{\"news\": [" + story(4, "FDA clears Apple Watch feature", "2026-01-06T15:30:00Z", "\"AAPL\"")
                        + "], \"next_page_token\": null}")));

        List<NewsItem> items = feed.news("AAPL", NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(items).extracting(NewsItem::headline).containsExactly("FDA clears Apple Watch feature", "Apple beats on EPS");
        assertThat(items.get(1)).satisfies(i -> {
            assertThat(i.symbol()).isEqualTo("AAPL");
            assertThat(i.id()).isEqualTo("alpaca-1");
            assertThat(i.summary()).isEqualTo("Summary of 1");
            assertThat(i.source()).isEqualTo("benzinga");
            assertThat(i.url()).isEqualTo("https://example.invalid/news/1");
        });
        assertThat(dropped).containsExactlyEntriesOf(new TreeMap<>(Map.of("future_timestamp", 1, "no_symbol", 1, "unknown_symbol", 1)));
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v1beta1/news"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                .withQueryParam("symbols", equalTo("AAPL"))
                .withQueryParam("limit", equalTo("50"))
                .withQueryParam("start", equalTo("2026-01-05T16:00:00Z"))
                .withQueryParam("end", equalTo("2026-01-06T16:00:00Z")));
    }

    @Test
    void aBodyThatIsNotTheDocumentedJsonIsCountedAndStoresNothing() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(aResponse().withStatus(200).withBody("{\"news\": [ {\"id\": 1,")));
        assertThat(feed.news("AAPL", NOW.minusSeconds(3600), NOW)).isEmpty();
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson("{\"news\": [{\"id\": 9, \"symbols\": [\"AAPL\"]}]}")));
        assertThat(feed.news("AAPL", NOW.minusSeconds(3600), NOW)).as("a story without headline or time").isEmpty();
        assertThat(dropped).containsExactlyEntriesOf(Map.of("unparseable", 2));
    }

    @Test
    void aRefusalFailsTheCallWithoutShowingTheKeys() {
        alpaca.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"forbidden\"}")));
        assertThatThrownBy(() -> feed.news("AAPL", NOW.minusSeconds(3600), NOW))
                .hasMessageContaining("HTTP 401")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, KEY));
    }

    @Test
    void keysAreRequired() {
        assertThatThrownBy(() -> new AlpacaNewsFeed(URI.create("http://127.0.0.1:1"), "", "x", null, Duration.ofSeconds(1)))
                .hasMessageContaining("ALPACA_API_KEY");
    }
}
