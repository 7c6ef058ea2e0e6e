package com.catalyst.news;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NewsRepository on the real PostgreSQL, the schema migrated as the application migrates it: every item of a response
 * stored with each field in its column and its symbol in the securities master, a story stored once whichever cycle
 * sees it again, and a symbol's newest stories read back as the news API answers them. No Spring context.
 */
class NewsRepositoryIT {

    static final Instant AT = Instant.parse("2026-01-06T14:30:00Z");

    private JdbcClient jdbc;
    private NewsRepository news;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_news_repository");
        jdbc = JdbcClient.create(source);
        news = new NewsRepository(new NamedParameterJdbcTemplate(source));
    }

    private static ScoredNews item(String symbol, String headline, Instant at, String dedupKey) {
        return new ScoredNews(symbol, headline, null, "wire", null, at, 0.25, "positive", null, null, dedupKey);
    }

    @Test
    void everyItemIsStoredWithEachFieldInItsColumn() {
        ScoredNews fda = new ScoredNews("ACME", "Acme receives FDA approval", "The agency approved the drug.", "wire",
                "https://news.example/acme", AT, 0.5, "very_positive", "fda", "strong", "k-acme-fda");
        news.record(new NewsResponse("20260106-001", List.of(), List.of(fda, item("BOLT", "Bolt beats estimates", AT, "k-bolt"))));

        Map<String, Object> row = jdbc.sql("select s.symbol, n.cycle_id, n.published_at, n.headline, n.summary, n.url, n.source,"
                + " n.sentiment_score, n.sentiment_label, n.catalyst_type, n.catalyst_strength, n.dedup_key"
                + " from news_sentiment n join securities s using (security_id) where n.dedup_key = 'k-acme-fda'").query().singleRow();
        assertThat(row).containsEntry("symbol", "ACME").containsEntry("cycle_id", "20260106-001")
                .containsEntry("headline", "Acme receives FDA approval").containsEntry("summary", "The agency approved the drug.")
                .containsEntry("url", "https://news.example/acme").containsEntry("source", "wire")
                .containsEntry("sentiment_label", "very_positive").containsEntry("catalyst_type", "fda")
                .containsEntry("catalyst_strength", "strong");
        assertThat(((Timestamp) row.get("published_at")).toInstant()).isEqualTo(AT);
        assertThat((BigDecimal) row.get("sentiment_score")).isEqualByComparingTo("0.5");
        assertThat(jdbc.sql("select count(*) from news_sentiment").query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select symbol from securities order by symbol").query(String.class).list()).containsExactly("ACME", "BOLT");
    }

    @Test
    void aStoryIsStoredOnceWhicheverCycleSeesItAgain() {
        news.record(new NewsResponse("20260106-001", List.of(), List.of(item("ACME", "Acme wins a contract", AT, "k-1"))));
        // the next cycle sees the same story and a new one: the new one is stored, the old row keeps its first cycle
        news.record(new NewsResponse("20260106-002", List.of(), List.of(item("ACME", "Acme wins a contract", AT, "k-1"),
                item("ACME", "Acme raises guidance", AT.plusSeconds(60), "k-2"))));
        // a request outside a cycle stores its stories with none
        news.record(new NewsResponse(null, List.of(), List.of(item("ACME", "Acme names a new CFO", AT.plusSeconds(120), "k-3"))));

        Map<Object, Object> cycles = new java.util.TreeMap<>();
        jdbc.sql("select dedup_key, coalesce(cycle_id, '-') c from news_sentiment").query()
                .listOfRows().forEach(r -> cycles.put(r.get("dedup_key"), r.get("c")));
        assertThat(cycles).containsExactly(Map.entry("k-1", "20260106-001"), Map.entry("k-2", "20260106-002"), Map.entry("k-3", "-"));
    }

    @Test
    void aSymbolsNewestStoriesAreReadNewestFirstWithTheirAbsentFieldsAsNull() {
        assertThat(news.latest("ACME", 20)).isEmpty();
        news.record(new NewsResponse("20260106-001", List.of(), List.of(item("ACME", "First", AT, "k-1"),
                item("ACME", "Third", AT.plusSeconds(120), "k-3"), item("ACME", "Second", AT.plusSeconds(60), "k-2"),
                item("BOLT", "Not Acme's", AT.plusSeconds(180), "k-4"))));

        List<Map<String, Object>> latest = news.latest("ACME", 2);

        assertThat(latest).extracting(r -> r.get("headline")).containsExactly("Third", "Second");
        assertThat(latest.get(0).keySet()).containsExactly("symbol", "published_at", "headline", "summary", "source", "url",
                "sentiment_score", "sentiment_label", "catalyst_type", "catalyst_strength");
        assertThat(latest.get(0)).containsEntry("symbol", "ACME").containsEntry("summary", null).containsEntry("catalyst_type", null);
        assertThat(news.latest("ACME", 20)).hasSize(3);
        assertThat(news.latest("NONE", 20)).isEmpty();
    }
}
