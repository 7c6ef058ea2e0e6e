package com.catalyst.news;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/news/{symbol} answers from Redis for 60 s, and the replay adapter counts what it drops in
 * catalyst_news_dropped_total{reason=…}, on the real PostgreSQL and Redis.
 */
@CamelSpringBootTest
// metrics export is off in Spring Boot tests unless asked for: the Prometheus name is what operators read
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.session-date=2026-01-06",
        "catalyst.clock.speed=0",
        "catalyst.news.adapter=replay",
        "spring.datasource.hikari.maximum-pool-size=3"})
class NewsApiIT {

    static final String KEY = "catalyst:news:ZZNEWS:20";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_news"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        // one line of each refusal: the simulated universe has 3–4 letter symbols, so ZZZZZ is unknown
        Path file = Files.createTempFile("catalyst-news", ".csv");
        Files.writeString(file, """
                published_at,symbols,source,headline
                2026-01-06T14:30:00Z,$ZZZZZ,replay,Unknown company soars
                2026-01-06T14:31:00Z,,replay,A market wrap without a ticker
                2999-01-01T00:00:00Z,ZZZZZ,replay,News from the future
                yesterday,ZZZZZ,replay,A line whose time does not parse
                """);
        registry.add("catalyst.news.replay-file", file::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private void store(String headline, String dedupKey) {
        jdbc.update("insert into news_sentiment (security_id, published_at, headline, source, sentiment_score, sentiment_label, dedup_key)"
                + " values (get_or_create_security('ZZNEWS'), now(), ?, 'test', 0.5, 'positive', ?)", headline, dedupKey);
    }

    private int itemsServed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/news/zznews")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).size();
    }

    @Test
    void aSymbolsNewsIsServedFromRedisForSixtySeconds() throws Exception {
        redis.delete(KEY);
        store("First story", "it-news-1");
        assertThat(itemsServed()).isEqualTo(1);
        assertThat(redis.hasKey(KEY)).as("answer cached under " + KEY).isTrue();
        assertThat(redis.getExpire(KEY)).isBetween(1L, 60L);

        store("Second story", "it-news-2");
        assertThat(itemsServed()).as("within the TTL the cached answer is served").isEqualTo(1);
        redis.delete(KEY);
        assertThat(itemsServed()).as("once expired, read again from PostgreSQL").isEqualTo(2);
    }

    @Test
    void theReplayAdapterCountsEachDroppedStoryByReason() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String reason : new String[] {"unknown_symbol", "no_symbol", "future_timestamp", "unparseable"}) {
            assertThat(metrics).containsPattern("catalyst_news_dropped_total\\{[^}]*reason=\"" + reason + "\"[^}]*\\} 1\\.0");
        }
    }
}
