package com.catalyst.news;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code news_sentiment}: the news bundle's routes call it as the bean {@code newsRepository}. A story
 * is stored once, whichever cycle or request saw it first: its {@code dedup_key} (symbol and normalised headline) is
 * unique and a repeat is skipped.
 */
@Repository("newsRepository")
public class NewsRepository {

    static final String INSERT = "insert into news_sentiment (security_id, cycle_id, published_at, headline, summary, url, source,"
            + " sentiment_score, sentiment_label, catalyst_type, catalyst_strength, dedup_key)"
            + " values (get_or_create_security(:symbol), :cycle_id, :published_at, :headline, :summary, :url, :source,"
            + " :sentiment_score, :sentiment_label, :catalyst_type, :catalyst_strength, :dedup_key)"
            + " on conflict (dedup_key) do nothing";
    static final String LATEST = "select s.symbol, n.published_at, n.headline, n.summary, n.source, n.url, n.sentiment_score,"
            + " n.sentiment_label, n.catalyst_type, n.catalyst_strength from news_sentiment n join securities s using (security_id)"
            + " where s.symbol = :symbol order by n.published_at desc limit :limit";

    /** For the batch: JdbcClient has none, the template's batchUpdate sends every row in one JDBC batch. */
    private final NamedParameterJdbcTemplate batches;
    private final JdbcClient jdbc;

    public NewsRepository(NamedParameterJdbcTemplate jdbc) {
        this.batches = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Stores every scored item of {@code news} under its cycle (null for a request outside one), in one batch. */
    public void record(NewsResponse news) {
        SqlParameterSource[] rows = news.items().stream().map(item -> new MapSqlParameterSource()
                .addValue("cycle_id", news.cycleId())
                .addValue("symbol", item.symbol())
                .addValue("published_at", Timestamp.from(item.publishedAt()))
                .addValue("headline", item.headline())
                .addValue("summary", item.summary())
                .addValue("url", item.url())
                .addValue("source", item.source())
                .addValue("sentiment_score", item.sentimentScore())
                .addValue("sentiment_label", item.sentimentLabel())
                .addValue("catalyst_type", item.catalystType())
                .addValue("catalyst_strength", item.catalystStrength())
                .addValue("dedup_key", item.dedupKey()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, rows);
    }

    /** A symbol's {@code limit} newest stories, as rows named as the columns: the news API writes them as they are. */
    public List<Map<String, Object>> latest(String symbol, int limit) {
        return jdbc.sql(LATEST).param("symbol", symbol).param("limit", limit).query().listOfRows();
    }
}
