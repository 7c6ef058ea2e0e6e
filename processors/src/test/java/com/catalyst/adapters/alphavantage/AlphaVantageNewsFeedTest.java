package com.catalyst.adapters.alphavantage;

import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsSourceClient;
import com.catalyst.news.NewsSourceException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Alpha Vantage NEWS_SENTIMENT adapter against a local WireMock stub serving the shapes of REFERENCE.md "News APIs". */
class AlphaVantageNewsFeedTest {

    static final Instant NOW = Instant.parse("2026-01-06T16:00:00Z");
    static final String KEY = "AVKEY0123456789XY";

    WireMockServer av;
    final Map<String, Integer> dropped = new TreeMap<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    NewsGate gate;

    @BeforeEach
    void start() {
        av = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        av.start();
        gate = new NewsGate(Set.of("AAPL", "MSFT", "TSLA", "IBM"), Clock.fixed(NOW, ZoneOffset.UTC), r -> dropped.merge(r, 1, Integer::sum));
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        av.stop();
    }

    AlphaVantageNewsFeed feed(ZoneId zone) {
        return new AlphaVantageNewsFeed(KEY, new AlphaVantageNewsFeed.Settings(URI.create(av.baseUrl()), 1000, zone),
                new NewsSourceClient.Settings(Duration.ofSeconds(5), 25, 2, Duration.ofMillis(5), Duration.ofHours(1)),
                gate, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String story(String title, String published, String url, String tickerSentiment) {
        return """
                {"title": "%s", "url": "%s", "time_published": "%s", "authors": ["Staff"], "summary": "Summary of %s",
                 "banner_image": null, "source": "Benzinga", "category_within_source": "News", "source_domain": "www.benzinga.com",
                 "topics": [{"topic": "Earnings", "relevance_score": "0.9"}],
                 "overall_sentiment_score": 0.2, "overall_sentiment_label": "Somewhat-Bullish",
                 "ticker_sentiment": [%s]}
                """.formatted(title, url, published, title, tickerSentiment);
    }

    static String ticker(String t, String score) {
        return "{\"ticker\": \"%s\", \"relevance_score\": \"0.5\", \"ticker_sentiment_score\": \"%s\", \"ticker_sentiment_label\": \"Neutral\"}"
                .formatted(t, score);
    }

    static String feedOf(String... stories) {
        return "{\"items\": \"" + stories.length + "\", \"sentiment_score_definition\": \"x <= -0.35: Bearish; …\","
                + " \"relevance_score_definition\": \"0 < x <= 1\", \"feed\": [" + String.join(",", stories) + "]}";
    }

    @Test
    void manyCandidatesAreOneMarketWideRequestAndCarryTheirPerTickerScores() {
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(feedOf(
                story("Apple and Microsoft sign cloud deal", "20260106T150000", "https://x/1",
                        ticker("AAPL", "0.412") + "," + ticker("MSFT", "-0.05") + "," + ticker("CRYPTO:BTC", "0.9")),
                story("Oil climbs", "20260106T151000", "https://x/2", ticker("XOM", "0.3")),
                story("Tesla recalls cars", "20260106T152000", "https://x/3", ticker("TSLA", "not-a-number"))))));

        Map<String, List<NewsItem>> news = feed(ZoneOffset.UTC).news(List.of("AAPL", "MSFT", "TSLA", "IBM"), NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(news.get("AAPL")).singleElement().satisfies(i -> {
            assertThat(i.providerSentiment()).isEqualTo(0.412);
            assertThat(i.headline()).isEqualTo("Apple and Microsoft sign cloud deal");
            assertThat(i.publishedAt()).isEqualTo(Instant.parse("2026-01-06T15:00:00Z"));
            assertThat(i.source()).isEqualTo("Benzinga");
        });
        assertThat(news.get("MSFT")).singleElement().satisfies(i -> assertThat(i.providerSentiment()).isEqualTo(-0.05));
        assertThat(news.get("TSLA")).singleElement().satisfies(i -> assertThat(i.providerSentiment()).as("an unreadable score").isNull());
        assertThat(news.get("IBM")).isEmpty();
        assertThat(dropped).as("stories about tickers not asked for are passed over, not dropped").isEmpty();
        av.verify(1, getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("NEWS_SENTIMENT"))
                .withQueryParam("tickers", absent())
                .withQueryParam("time_from", equalTo("20260105T1600"))
                .withQueryParam("sort", equalTo("LATEST"))
                .withQueryParam("limit", equalTo("1000"))
                .withQueryParam("apikey", equalTo(KEY)));
    }

    @Test
    void oneCandidateIsAskedByTickerAndTimesAreReadInTheConfiguredZone() {
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson(feedOf(
                story("Apple beats", "20260106T100000", "https://x/1", ticker("AAPL", "0.3"))))));
        Map<String, List<NewsItem>> news = feed(ZoneId.of("America/New_York")).news(List.of("AAPL"), NOW.minus(Duration.ofHours(24)), NOW);
        assertThat(news.get("AAPL")).singleElement().satisfies(i -> assertThat(i.publishedAt()).isEqualTo(Instant.parse("2026-01-06T15:00:00Z")));
        av.verify(1, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("tickers", equalTo("AAPL"))
                .withQueryParam("time_from", equalTo("20260105T1100")));
    }

    @Test
    void aNoticeInA200IsAnErrorAndRestsTheSource() {
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("{\"Information\": \"Thank you for using Alpha Vantage! Our standard"
                + " API rate limit is 25 requests per day.\"}")));
        AlphaVantageNewsFeed feed = feed(ZoneOffset.UTC);
        assertThatThrownBy(() -> feed.news(List.of("AAPL", "MSFT"), NOW.minusSeconds(3600), NOW))
                .isInstanceOf(NewsSourceException.class)
                .hasMessageContaining("25 requests per day").hasMessageContaining("catalyst.news.alphavantage.requests-per-day");
        assertThatThrownBy(() -> feed.news(List.of("AAPL", "MSFT"), NOW.minusSeconds(3600), NOW)).hasMessageContaining("back off");
        av.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aNoteInA200IsAnErrorToo() {
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("{\"Note\": \"Please consider spreading out your free API requests.\"}")));
        assertThatThrownBy(() -> feed(ZoneOffset.UTC).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW))
                .hasMessageContaining("spreading out");
    }

    @Test
    void theKeyAppearsInNoMessageNoCauseAndNoLogLine() {
        // an error message that quotes the key, then a reset connection and 5xx answers: none may show it
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("{\"Error Message\": \"the parameter apikey=" + KEY + " is invalid.\"}")));
        Throwable refused = catchFrom(() -> feed(ZoneOffset.UTC).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW));
        assertThat(refused).hasMessageContaining("ALPHA_VANTAGE_KEY").hasMessageContaining("***");

        av.resetAll();
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Throwable reset = catchFrom(() -> feed(ZoneOffset.UTC).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW));
        assertThat(reset).hasMessageContaining("did not answer after 2 attempts");

        av.resetAll();
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(503).withBody("apikey=" + KEY)));
        Throwable down = catchFrom(() -> feed(ZoneOffset.UTC).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW));
        assertThat(down).hasMessageContaining("HTTP 503");

        av.resetAll();
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(okJson("{\"Information\": \"limit for key " + KEY + "\"}")));
        Throwable notice = catchFrom(() -> feed(ZoneOffset.UTC).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW));

        for (Throwable t : List.of(refused, reset, down, notice)) {
            assertThat(stackTrace(t)).doesNotContain(KEY);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(KEY));
    }

    @Test
    void anUnreadableAnswerIsCountedAsUnparseable() {
        av.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200).withBody("{\"feed\": [")));
        assertThat(feed(ZoneOffset.UTC).news(List.of("AAPL"), NOW.minusSeconds(3600), NOW).get("AAPL")).isEmpty();
        assertThat(dropped).containsExactlyEntriesOf(Map.of("unparseable", 1));
    }

    @Test
    void theKeyIsRequiredByName() {
        assertThatThrownBy(() -> new AlphaVantageNewsFeed(null, new AlphaVantageNewsFeed.Settings(URI.create("http://127.0.0.1:1"), 10, ZoneOffset.UTC),
                new NewsSourceClient.Settings(Duration.ofSeconds(1), 1, 1, Duration.ofMillis(5), Duration.ofMinutes(1)), gate, Clock.systemUTC()))
                .hasMessageContaining("ALPHA_VANTAGE_KEY");
    }

    private static Throwable catchFrom(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
