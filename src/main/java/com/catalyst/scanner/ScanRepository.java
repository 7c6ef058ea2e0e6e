package com.catalyst.scanner;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code scan_results}: scanner-scan stores a cycle's ranking through the bean {@code scanRepository},
 * one row a candidate with every score component and its figures, and the candidates API reads the latest scan back.
 */
@Repository("scanRepository")
public class ScanRepository {

    static final String INSERT = "insert into scan_results (cycle_id, security_id, scan_timestamp, momentum_score, volume_score,"
            + " catalyst_score, technical_score, composite_score, price, volume, rank, selected_for_trading, scan_metadata)"
            + " values (:cycle_id, get_or_create_security(:symbol), :scan_timestamp, :momentum_score, :volume_score, :catalyst_score,"
            + " :technical_score, :composite_score, :price, :volume, :rank, false, cast(:scan_metadata as jsonb))"
            + " on conflict (cycle_id, security_id) do nothing";
    static final String LATEST = "select r.cycle_id, s.symbol, r.rank, r.composite_score, r.momentum_score, r.volume_score,"
            + " r.catalyst_score, r.technical_score, r.price, r.volume, r.selected_for_trading, cast(r.scan_metadata as text) as scan_metadata,"
            + " r.scan_timestamp from scan_results r join securities s using (security_id)"
            + " where r.cycle_id = (select cycle_id from scan_results order by scan_timestamp desc, id desc limit 1)"
            + " order by r.rank limit :limit";

    /** For the batch: JdbcClient has none, the template's batchUpdate sends every row in one JDBC batch. */
    private final NamedParameterJdbcTemplate batches;
    private final JdbcClient jdbc;

    public ScanRepository(NamedParameterJdbcTemplate jdbc) {
        this.batches = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Stores every candidate of a cycle's {@code scan}, in one batch; a candidate already stored for the cycle is skipped. */
    public void record(ScanResponse scan) {
        SqlParameterSource[] rows = scan.candidates().stream().map(c -> new MapSqlParameterSource()
                .addValue("cycle_id", scan.cycleId())
                .addValue("symbol", c.symbol())
                .addValue("scan_timestamp", Timestamp.from(scan.asOf()))
                .addValue("momentum_score", c.momentumScore())
                .addValue("volume_score", c.volumeScore())
                .addValue("catalyst_score", c.catalystScore())
                .addValue("technical_score", c.technicalScore())
                .addValue("composite_score", c.compositeScore())
                .addValue("price", c.price())
                .addValue("volume", c.volume())
                .addValue("rank", c.rank())
                .addValue("scan_metadata", c.metadataJson()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, rows);
    }

    /**
     * The latest scan's first {@code limit} candidates by rank, as rows named as the columns (the metadata as JSON text):
     * the candidates API writes them as they are.
     */
    public List<Map<String, Object>> latest(int limit) {
        return jdbc.sql(LATEST).param("limit", limit).query().listOfRows();
    }

    // ---- the market stream's read

    /** The latest cycle started in the last 12 hours: an older one's scan (the day before's) is not followed. */
    static final String RECENT_CANDIDATES = "select s.symbol from scan_results r join securities s using (security_id)"
            + " where r.cycle_id = (select cycle_id from trading_cycles where started_at >= now() - interval '12 hours'"
            + " order by started_at desc limit 1) order by r.rank";

    /**
     * The candidates of the latest cycle started within 12 hours, by rank; none when that cycle has stored no scan (yet)
     * or no cycle is that recent. The market stream subscribes them after the open positions.
     */
    public List<String> recentCandidateSymbols() {
        return jdbc.sql(RECENT_CANDIDATES).query(String.class).list();
    }
}
